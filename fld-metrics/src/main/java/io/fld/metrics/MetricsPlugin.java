package io.fld.metrics;

import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.SampleScoreProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.metrics.fld.FldMetrics;
import io.fld.metrics.fld.SampleScoreKinds;
import java.util.ArrayList;
import java.util.List;

/**
 * Contributes the built-in metrics, the FLD family first and then its companions in the order that
 * listings and the default metric selection use, and the per-sample score kinds.
 */
public final class MetricsPlugin implements FldPlugin {

  @Override
  public String name() {
    return "fld-metrics";
  }

  @Override
  public List<MetricProvider> metrics() {
    List<MetricProvider> providers = new ArrayList<>(FldMetrics.providers());
    providers.addAll(CompanionMetrics.providers());
    return List.copyOf(providers);
  }

  @Override
  public List<SampleScoreProvider> sampleScores() {
    return SampleScoreKinds.providers();
  }
}
