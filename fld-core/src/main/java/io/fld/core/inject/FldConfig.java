package io.fld.core.inject;

import io.fld.api.FldHome;
import io.fld.api.metric.MetricOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings the core services run with.
 *
 * @param home the tool's home folder, {@code $FLD_HOME}
 * @param featureCache the feature cache folder
 * @param modelDirectory the folder where extractors look for model files
 * @param pluginDirectories plugin folders to load jars from, in order
 * @param defaultSeed the seed of every random draw when a caller gives none
 */
public record FldConfig(
    Path home,
    Path featureCache,
    Path modelDirectory,
    List<Path> pluginDirectories,
    long defaultSeed) {

  /** The environment variable that overrides the home folder. */
  public static final String HOME_VARIABLE = FldHome.HOME_VARIABLE;

  /** The home folder's subfolder that is scanned for plugin jars when it exists. */
  public static final String PLUGINS_FOLDER = "plugins";

  public FldConfig {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(featureCache, "featureCache");
    Objects.requireNonNull(modelDirectory, "modelDirectory");
    pluginDirectories = List.copyOf(pluginDirectories);
  }

  /**
   * Returns the configuration from the process environment, with {@code extraPluginDirectories}
   * loaded before {@code $FLD_HOME/plugins}.
   */
  public static FldConfig fromEnvironment(List<Path> extraPluginDirectories) {
    return fromEnvironment(
        System.getenv(), System.getProperty("user.home"), extraPluginDirectories);
  }

  /**
   * Returns the configuration for the environment variables {@code environment}.
   *
   * <p>The home folder is resolved by {@link FldHome}: {@code FLD_HOME}, else {@code
   * $XDG_CACHE_HOME/fld}, else {@code ~/.cache/fld}. Features are cached in {@code features/} and
   * models in {@code models/} below the home. The home's {@code plugins/} folder is scanned when it
   * exists.
   */
  public static FldConfig fromEnvironment(
      Map<String, String> environment, String userHome, List<Path> extraPluginDirectories) {
    Path home = FldHome.resolve(environment, userHome);
    List<Path> plugins = new ArrayList<>(extraPluginDirectories);
    Path homePlugins = home.resolve(PLUGINS_FOLDER);
    if (Files.isDirectory(homePlugins) && !plugins.contains(homePlugins)) {
      plugins.add(homePlugins);
    }
    return new FldConfig(
        home,
        home.resolve("features"),
        FldHome.modelDirectory(home),
        plugins,
        MetricOptions.DEFAULT_SEED);
  }
}
