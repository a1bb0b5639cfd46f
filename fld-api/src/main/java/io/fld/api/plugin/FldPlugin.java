package io.fld.api.plugin;

import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.SampleScoreProvider;
import io.fld.api.sample.SampleSourceProvider;
import java.util.List;

/**
 * The entry point of a plugin. Every method returns an empty list unless overridden, so that new
 * kinds of extension added later break no existing plugin.
 *
 * <p>Declare the implementation in {@code module-info.java} with {@code provides
 * io.fld.api.plugin.FldPlugin with ...} and in {@code
 * META-INF/services/io.fld.api.plugin.FldPlugin}, then put the jar in a plugin folder.
 */
public interface FldPlugin {

  /** Returns the plugin's name for listings; by default its class name. */
  default String name() {
    return getClass().getName();
  }

  /** Returns the metrics this plugin contributes. */
  default List<MetricProvider> metrics() {
    return List.of();
  }

  /** Returns the feature extractors this plugin contributes. */
  default List<FeatureExtractorProvider> extractors() {
    return List.of();
  }

  /** Returns the sample source kinds this plugin contributes. */
  default List<SampleSourceProvider> sampleSources() {
    return List.of();
  }

  /** Returns the per-sample score kinds this plugin contributes. */
  default List<SampleScoreProvider> sampleScores() {
    return List.of();
  }
}
