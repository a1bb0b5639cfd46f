package io.fld.core.plugin;

import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.SampleScoreProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.api.sample.SampleSourceProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The named providers of all discovered plugins: metrics, feature extractors, sample sources and
 * per-sample score kinds. The registry is immutable once built. Building it only calls each
 * plugin's provider methods, so it never opens a model.
 */
public final class PluginRegistry {
  private final List<LoadedPlugin> plugins;
  private final Catalog<MetricProvider> metrics = new Catalog<>(ProviderKind.METRIC);
  private final Catalog<FeatureExtractorProvider> extractors =
      new Catalog<>(ProviderKind.EXTRACTOR);
  private final Catalog<SampleSourceProvider> sampleSources =
      new Catalog<>(ProviderKind.SAMPLE_SOURCE);
  private final Catalog<SampleScoreProvider> sampleScores =
      new Catalog<>(ProviderKind.SAMPLE_SCORE);

  private PluginRegistry(List<LoadedPlugin> plugins) {
    this.plugins = List.copyOf(plugins);
    for (LoadedPlugin loaded : this.plugins) {
      register(loaded);
    }
  }

  /**
   * Builds a registry of the providers of {@code plugins}.
   *
   * @throws PluginException if a provider name is invalid or two providers of one kind share a name
   */
  public static PluginRegistry of(List<LoadedPlugin> plugins) {
    return new PluginRegistry(plugins);
  }

  /**
   * Discovers the plugins of the application (module layer and class path) and of {@code
   * pluginDirectories}, and builds their registry.
   *
   * @throws PluginException if a jar fails to load or provider names are invalid or duplicated
   */
  public static PluginRegistry discover(List<Path> pluginDirectories) {
    return of(PluginDiscovery.discover(pluginDirectories));
  }

  private void register(LoadedPlugin loaded) {
    FldPlugin plugin = loaded.plugin();
    PluginOrigin origin = loaded.origin();
    for (MetricProvider provider : plugin.metrics()) {
      metrics.add(provider.name(), provider.description(), provider, origin);
    }
    for (FeatureExtractorProvider provider : plugin.extractors()) {
      extractors.add(provider.name(), provider.description(), provider, origin);
    }
    for (SampleSourceProvider provider : plugin.sampleSources()) {
      sampleSources.add(provider.name(), provider.description(), provider, origin);
    }
    for (SampleScoreProvider provider : plugin.sampleScores()) {
      sampleScores.add(provider.name(), provider.description(), provider, origin);
    }
  }

  /** Returns the plugins in discovery order. */
  public List<LoadedPlugin> plugins() {
    return plugins;
  }

  /**
   * Returns the metric provider named {@code name}.
   *
   * @throws io.fld.api.InvalidInputException listing the available metrics when there is none
   */
  public MetricProvider metric(String name) {
    return metrics.require(name).provider();
  }

  /**
   * Returns the extractor provider named {@code name}.
   *
   * @throws io.fld.api.InvalidInputException listing the available extractors when there is none
   */
  public FeatureExtractorProvider extractor(String name) {
    return extractors.require(name).provider();
  }

  /**
   * Returns the sample source provider named {@code name}.
   *
   * @throws io.fld.api.InvalidInputException listing the available sources when there is none
   */
  public SampleSourceProvider sampleSource(String name) {
    return sampleSources.require(name).provider();
  }

  /**
   * Returns the per-sample score provider of kind {@code name}.
   *
   * @throws io.fld.api.InvalidInputException listing the available kinds when there is none
   */
  public SampleScoreProvider sampleScore(String name) {
    return sampleScores.require(name).provider();
  }

  /** Returns the metric named {@code name} with its origin, if registered. */
  public Optional<Registered<MetricProvider>> findMetric(String name) {
    return metrics.find(name);
  }

  /** Returns every metric, sorted by name. */
  public List<Registered<MetricProvider>> metrics() {
    return metrics.all();
  }

  /** Returns every extractor, sorted by name. */
  public List<Registered<FeatureExtractorProvider>> extractors() {
    return extractors.all();
  }

  /** Returns every sample source, sorted by name. */
  public List<Registered<SampleSourceProvider>> sampleSources() {
    return sampleSources.all();
  }

  /** Returns every per-sample score kind, sorted by name. */
  public List<Registered<SampleScoreProvider>> sampleScores() {
    return sampleScores.all();
  }

  /** Returns the names of the registered sample sources, comma-separated, or {@code (none)}. */
  public String sampleSourceNames() {
    return sampleSources.namesOrNone();
  }
}
