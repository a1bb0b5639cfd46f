package io.fld.core.extract;

import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Reports how far a task has come: as a progress bar on stderr when a console is attached, else as
 * an INFO log line at most every {@link #LOG_INTERVAL}.
 */
interface Progress extends AutoCloseable {
  /** The minimum time between two log lines when no console is attached. */
  Duration LOG_INTERVAL = Duration.ofSeconds(10);

  /** Records {@code count} more finished units. */
  void advance(long count);

  @Override
  void close();

  /** Starts reporting a task of {@code total} units, shown as {@code task}. */
  static Progress start(String task, long total) {
    if (System.console() != null) {
      return new Bar(task, total);
    }
    return new LogLines(task, total, System.nanoTime());
  }

  /** A progress bar drawn on stderr. */
  final class Bar implements Progress {
    private final ProgressBar bar;

    Bar(String task, long total) {
      this.bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(total)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .build();
    }

    @Override
    public void advance(long count) {
      bar.stepBy(count);
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  /** Periodic INFO log lines, for runs whose stderr is a file or a pipe. */
  final class LogLines implements Progress {
    private static final System.Logger LOG = System.getLogger(Progress.class.getName());

    private final String task;
    private final long total;
    private final long startNanos;
    private long done;
    private long lastLogNanos;

    LogLines(String task, long total, long startNanos) {
      this.task = task;
      this.total = total;
      this.startNanos = startNanos;
      this.lastLogNanos = startNanos;
    }

    @Override
    public void advance(long count) {
      done += count;
      long now = System.nanoTime();
      if (now - lastLogNanos >= LOG_INTERVAL.toNanos()) {
        lastLogNanos = now;
        log(now);
      }
    }

    @Override
    public void close() {
      log(System.nanoTime());
    }

    private void log(long now) {
      double seconds = (now - startNanos) / 1e9;
      LOG.log(
          System.Logger.Level.INFO,
          String.format(
              java.util.Locale.ROOT, "%s: %d of %d samples, %.1f s", task, done, total, seconds));
    }
  }
}
