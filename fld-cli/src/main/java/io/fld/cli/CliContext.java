package io.fld.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.fld.core.extract.FeatureExtraction;
import io.fld.core.inject.FldConfig;
import io.fld.core.inject.FldModule;
import io.fld.core.plugin.PluginRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state shared by all commands: the output streams, the environment, the global options and the
 * core services. The services are created on first use, so {@code --help} never loads plugins.
 */
final class CliContext {
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> environment;
  private final List<Path> pluginDirectories = new ArrayList<>();
  private boolean verbose;
  private Injector injector;

  CliContext(PrintStream out, PrintStream err, Map<String, String> environment) {
    this.out = out;
    this.err = err;
    this.environment = Map.copyOf(environment);
  }

  PrintStream out() {
    return out;
  }

  PrintStream err() {
    return err;
  }

  boolean verbose() {
    return verbose;
  }

  /** Applies the global options found on the command line. */
  void configure(List<Path> plugins, boolean verboseOutput) {
    pluginDirectories.clear();
    pluginDirectories.addAll(plugins);
    verbose = verboseOutput;
  }

  FldConfig config() {
    return injector().getInstance(FldConfig.class);
  }

  PluginRegistry registry() {
    return injector().getInstance(PluginRegistry.class);
  }

  FeatureExtraction extraction() {
    return injector().getInstance(FeatureExtraction.class);
  }

  private Injector injector() {
    if (injector == null) {
      String userHome = System.getProperty("user.home");
      FldConfig config = FldConfig.fromEnvironment(environment, userHome, pluginDirectories);
      injector = Guice.createInjector(new FldModule(config));
    }
    return injector;
  }
}
