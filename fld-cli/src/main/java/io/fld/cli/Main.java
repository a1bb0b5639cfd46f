package io.fld.cli;

import com.google.inject.ProvisionException;
import io.fld.api.InvalidInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of the {@code fld} command. Exit status: 0 on success, 2 on invalid input (an {@link
 * InvalidInputException} or a command-line error), 1 on other failures. Errors print one line on
 * stderr, with the stack trace only under {@code --verbose}.
 */
public final class Main {
  /** The exit status for success. */
  public static final int OK = 0;

  /** The exit status for failures other than invalid input. */
  public static final int FAILURE = 1;

  /** The exit status for invalid input. */
  public static final int INVALID_INPUT = 2;

  private static final long BYTES_PER_MEBIBYTE = 1024L * 1024L;
  private static final Pattern WRONG_TYPE =
      Pattern.compile("Invalid value for option '([^']+)': '(.*)' is not an? (int|long|double)");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, System.getenv()));
  }

  /** Runs the command line {@code args} and returns its exit status; never calls System.exit. */
  public static int run(
      String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
    CliContext context = new CliContext(out, err, environment);
    CommandLine commandLine = commandLine(context);
    int status;
    try {
      status = commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      status = reportOutOfMemory(context, args, e);
    }
    out.flush();
    if (out.checkError()) {
      // PrintStream swallows write errors, so a full disk or a closed pipe would otherwise lose
      // the results with exit status 0.
      err.println(
          "fld: error: writing to standard output failed, so the output is incomplete; check the"
              + " disk or pipe it goes to, or use --output FILE");
      status = status == OK ? FAILURE : status;
    }
    err.flush();
    return status;
  }

  static CommandLine commandLine(CliContext context) {
    CommandLine commandLine = new CommandLine(new FldCommand());
    commandLine.addSubcommand(new EvaluateCommand(context));
    commandLine.addSubcommand(new ScoresCommand(context));
    commandLine.addSubcommand(new ExtractCommand(context));
    commandLine.addSubcommand(new ListCommand(context));
    commandLine.addSubcommand(new ModelsCommand());
    commandLine.addSubcommand(new DemoCommand(context));
    commandLine.setOut(new java.io.PrintWriter(context.out(), true));
    commandLine.setErr(new java.io.PrintWriter(context.err(), true));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionStrategy(parseResult -> execute(context, parseResult));
    commandLine.setExecutionExceptionHandler(
        (exception, command, parseResult) -> report(context, exception));
    commandLine.setParameterExceptionHandler(Main::reportUsageError);
    return commandLine;
  }

  private static int execute(CliContext context, ParseResult parseResult) {
    List<Path> plugins = new ArrayList<>();
    boolean verbose = false;
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      plugins.addAll(level.matchedOptionValue(GlobalOptions.PLUGINS, List.<Path>of()));
      verbose |= level.hasMatchedOption(GlobalOptions.VERBOSE);
    }
    context.configure(plugins, verbose);
    LogSetup.configure(context.err(), verbose);
    return new CommandLine.RunLast().execute(parseResult);
  }

  private static int report(CliContext context, Exception exception) {
    Throwable cause = unwrap(exception);
    PrintStream err = context.err();
    err.println("fld: error: " + message(cause));
    if (context.verbose()) {
      cause.printStackTrace(err);
    }
    return cause instanceof InvalidInputException || isPathThroughFile(cause)
        ? INVALID_INPUT
        : FAILURE;
  }

  /**
   * Returns whether {@code cause} reports a path with a file where a folder must be, a fault of the
   * path given, such as {@code FLD_HOME} naming a file.
   */
  private static boolean isPathThroughFile(Throwable cause) {
    return cause instanceof FileSystemException system
        && "Not a directory".equals(system.getReason());
  }

  private static int reportOutOfMemory(CliContext context, String[] args, OutOfMemoryError error) {
    String operation = args.length == 0 ? "fld" : "fld " + args[0];
    context
        .err()
        .println(
            "fld: error: "
                + operation
                + " ran out of memory with a maximum heap of "
                + mebibytes(Runtime.getRuntime().maxMemory())
                + " MiB; set FLD_JAVA_OPTS=-Xmx16g (or more) to raise it, or give smaller inputs");
    if (context.verbose()) {
      error.printStackTrace(context.err());
    }
    return FAILURE;
  }

  private static long mebibytes(long bytes) {
    return bytes / BYTES_PER_MEBIBYTE;
  }

  private static Throwable unwrap(Throwable exception) {
    Throwable current = exception;
    while (current instanceof ProvisionException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static String message(Throwable cause) {
    String text = cause.getMessage();
    boolean plain =
        cause instanceof InvalidInputException
            || cause instanceof io.fld.core.plugin.PluginException;
    if (plain && text != null) {
      return text;
    }
    if (cause instanceof IOException io) {
      return ioMessage(io);
    }
    return text == null ? cause.toString() : cause.getClass().getSimpleName() + ": " + text;
  }

  /** Says in a plain sentence what went wrong with a file, without the exception's class name. */
  static String ioMessage(IOException exception) {
    if (exception instanceof NoSuchFileException missing) {
      return missing.getFile() + " does not exist; check the path";
    }
    if (exception instanceof AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    if (isPathThroughFile(exception)) {
      return ((FileSystemException) exception).getFile()
          + ": a part of this path is a file, not a folder; fix the path, or FLD_HOME if the path"
          + " lies under it";
    }
    if (exception instanceof FileSystemException system) {
      String reason = system.getReason() == null ? "cannot be used" : system.getReason();
      String file = system.getFile() == null ? "" : system.getFile() + ": ";
      return file + reason;
    }
    String text = exception.getMessage();
    return text == null ? "input or output failed" : text;
  }

  /**
   * Rewords picocli's messages for an unknown command and a value of the wrong type, which name
   * Java types and argument indexes, as plain sentences.
   */
  static String usageMessage(ParameterException exception) {
    CommandLine command = exception.getCommandLine();
    if (exception instanceof UnmatchedArgumentException unmatched
        && command.getParent() == null
        && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().get(0).startsWith("-")) {
      return "unknown command '"
          + unmatched.getUnmatched().get(0)
          + "'; commands: "
          + String.join(", ", command.getSubcommands().keySet());
    }
    Matcher wrongType = WRONG_TYPE.matcher(String.valueOf(exception.getMessage()));
    if (wrongType.matches()) {
      String kind = wrongType.group(3).equals("double") ? "a number" : "an integer";
      return wrongType.group(1) + " needs " + kind + ", got '" + wrongType.group(2) + "'";
    }
    return exception.getMessage();
  }

  private static int reportUsageError(ParameterException exception, String[] args) {
    CommandLine command = exception.getCommandLine();
    java.io.PrintWriter err = command.getErr();
    err.println("fld: error: " + usageMessage(exception));
    UnmatchedArgumentException.printSuggestions(exception, err);
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return INVALID_INPUT;
  }
}
