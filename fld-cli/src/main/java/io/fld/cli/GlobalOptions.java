package io.fld.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options accepted by every command. */
final class GlobalOptions {
  static final String PLUGINS = "--plugins";
  static final String VERBOSE = "--verbose";

  @Option(
      names = PLUGINS,
      paramLabel = "DIR",
      description = "Load plugin jars from DIR (repeatable), before $FLD_HOME/plugins.")
  List<Path> plugins = new ArrayList<>();

  @Option(
      names = {"-v", VERBOSE},
      description = "Log details and print stack traces of errors.")
  boolean verbose;
}
