package io.fld.core;

import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.core.inject.FldConfig;
import io.fld.core.io.FeatureFiles;
import io.fld.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The entry point for computing metrics from Java in a few lines:
 *
 * <pre>{@code
 * FeatureSet train = Fld.read(Path.of("train.npy"));
 * Metric fld = Fld.metric("fld");
 * MetricResult result = fld.compute(train, test, gen);
 * }</pre>
 *
 * <p>Metrics are looked up among the plugins on the class path or module path and in {@code
 * $FLD_HOME/plugins}, discovered once on first use.
 */
public final class Fld {
  private Fld() {}

  /** Holds the registry, discovered when first needed and shared afterwards. */
  private static final class DefaultRegistry {
    static final PluginRegistry INSTANCE =
        PluginRegistry.discover(FldConfig.fromEnvironment(List.of()).pluginDirectories());
  }

  /** Returns the registry of the plugins of this process and of {@code $FLD_HOME/plugins}. */
  public static PluginRegistry registry() {
    return DefaultRegistry.INSTANCE;
  }

  /**
   * Reads the only array of a feature file ({@code .npy}, {@code .npz} or {@code .safetensors}).
   *
   * @throws io.fld.api.InvalidInputException if the file is missing, malformed or contains several
   *     arrays; the message names the file
   */
  public static FeatureSet read(Path file) throws IOException {
    return FeatureFiles.read(file);
  }

  /**
   * Reads the array {@code key} of an {@code .npz} or {@code .safetensors} file.
   *
   * @throws io.fld.api.InvalidInputException if the file is missing or malformed or has no such key
   */
  public static FeatureSet read(Path file, String key) throws IOException {
    return FeatureFiles.read(file, key);
  }

  /** Writes {@code features} to {@code file} as float32, in the format its extension names. */
  public static void write(Path file, FeatureSet features) throws IOException {
    FeatureFiles.write(file, features);
  }

  /**
   * Creates the metric {@code id} with its default options and the default seed.
   *
   * @throws io.fld.api.InvalidInputException if no metric has that id; the message lists those
   *     available
   */
  public static Metric metric(String id) {
    return metric(id, MetricOptions.defaults());
  }

  /**
   * Creates the metric {@code id} with {@code options}.
   *
   * @throws io.fld.api.InvalidInputException if no metric has that id or an option is unknown or
   *     out of range
   */
  public static Metric metric(String id, MetricOptions options) {
    MetricProvider provider = registry().metric(id);
    options.requireKnown(id, provider.options());
    return provider.create(options);
  }
}
