package io.fld.metrics;

import io.fld.api.metric.MetricProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.metrics.fld.FldMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Contributes the built-in metrics: the FLD family first, then its companions, in the order that
 * listings and the default metric selection use.
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
}
