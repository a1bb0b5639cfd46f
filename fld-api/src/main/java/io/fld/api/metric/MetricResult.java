package io.fld.api.metric;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value of one metric with what produced it.
 *
 * @param metricId the metric id, such as {@code kid}
 * @param value the metric value
 * @param extras further named values, such as {@code kid_std}; empty for most metrics
 * @param warnings conditions a user should know about, each with its remedy
 * @param provenance the parameters, seed, inputs and versions behind the value
 */
public record MetricResult(
    String metricId,
    double value,
    Map<String, Double> extras,
    List<String> warnings,
    ResultProvenance provenance) {

  public MetricResult {
    Objects.requireNonNull(metricId, "metricId");
    extras = Map.copyOf(extras);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(provenance, "provenance");
  }
}
