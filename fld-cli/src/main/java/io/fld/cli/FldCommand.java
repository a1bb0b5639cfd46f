package io.fld.cli;

import io.fld.core.Versions;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code fld} command, which only dispatches to its subcommands. */
@Command(
    name = "fld",
    mixinStandardHelpOptions = true,
    versionProvider = FldCommand.VersionProvider.class,
    description = "Evaluates generative models: FLD, FID, KID, precision, recall and more.",
    footer = {
      "",
      "Exit status: 0 success, 2 invalid input, 1 other failures.",
      "Plugins are loaded from --plugins DIR and $FLD_HOME/plugins"
          + " (FLD_HOME defaults to $XDG_CACHE_HOME/fld or ~/.cache/fld)."
    })
final class FldCommand implements Runnable {
  @Mixin GlobalOptions global;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: "
            + String.join(", ", spec.commandLine().getSubcommands().keySet())
            + "; ./fld demo is a first one to run");
  }

  /** Prints the library and Java versions. */
  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "fld " + Versions.library(),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
