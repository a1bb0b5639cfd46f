package io.fld.api.metric;

import io.fld.api.feature.FeatureProvenance;
import java.util.Map;
import java.util.Objects;

/**
 * What produced a metric value: the metric and its parameters, the seed, the inputs and their
 * sizes, and the versions of the software involved. A value means nothing without it, because
 * floating-point results depend on all of these.
 *
 * @param metricId the metric id
 * @param seed the seed that all random draws derived from
 * @param parameters every parameter of the metric with the value used, defaults included
 * @param counts the number of rows of each set that was read, by {@link Role#label()}
 * @param inputs the provenance of each set that was read, by {@link Role#label()}
 * @param versions the versions of this library, the Java runtime and native libraries used
 */
public record ResultProvenance(
    String metricId,
    long seed,
    Map<String, String> parameters,
    Map<String, Integer> counts,
    Map<String, FeatureProvenance> inputs,
    Map<String, String> versions) {

  public ResultProvenance {
    Objects.requireNonNull(metricId, "metricId");
    parameters = Map.copyOf(parameters);
    counts = Map.copyOf(counts);
    inputs = Map.copyOf(inputs);
    versions = Map.copyOf(versions);
  }
}
