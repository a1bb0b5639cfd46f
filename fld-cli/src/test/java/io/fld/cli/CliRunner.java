package io.fld.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command in-process with a private {@code FLD_HOME} and captures its output. */
final class CliRunner {
  private final Path home;

  CliRunner(Path home) {
    this.home = home;
  }

  /** The exit status and the captured streams of one run. */
  record Result(int status, String out, String err) {}

  Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int status = Main.run(args, outStream, errStream, Map.of("FLD_HOME", home.toString()));
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
