package io.fld.cli;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes {@link System.Logger} output, which the JDK sends to java.util.logging, to stderr in a
 * one-line format: INFO and above by default, and FINE and above from the product's own packages
 * with {@code --verbose}.
 */
final class LogSetup {
  /**
   * The logger of the product's own packages. java.util.logging keeps loggers weakly, so this
   * reference keeps its level from being lost to garbage collection.
   */
  private static final Logger PRODUCT = Logger.getLogger("io.fld");

  private LogSetup() {}

  static void configure(PrintStream err, boolean verbose) {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    // Libraries such as Guice log their internals at FINE, so --verbose lowers the level of the
    // product's loggers only.
    Level level = verbose ? Level.FINE : Level.INFO;
    root.setLevel(Level.INFO);
    PRODUCT.setLevel(level);
    root.addHandler(new StderrHandler(err, level));
  }

  /** Prints each record as {@code [LEVEL] message} and flushes at once. */
  private static final class StderrHandler extends Handler {
    private final PrintStream err;

    StderrHandler(PrintStream err, Level level) {
      this.err = err;
      setLevel(level);
      setFormatter(
          new Formatter() {
            @Override
            public String format(LogRecord record) {
              return "[" + record.getLevel().getName() + "] " + formatMessage(record);
            }
          });
    }

    @Override
    public void publish(LogRecord record) {
      if (!isLoggable(record)) {
        return;
      }
      err.println(getFormatter().format(record));
      if (record.getThrown() != null && getLevel().intValue() <= Level.FINE.intValue()) {
        record.getThrown().printStackTrace(err);
      }
      err.flush();
    }

    @Override
    public void flush() {
      err.flush();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
