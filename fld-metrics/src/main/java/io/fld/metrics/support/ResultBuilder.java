package io.fld.metrics.support;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.ResultProvenance;
import io.fld.api.metric.Role;
import io.fld.core.Versions;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a metric computation read and reported, and builds the {@link MetricResult} with
 * its provenance. Warnings are logged once when added.
 */
public final class ResultBuilder {
  private static final System.Logger LOG = System.getLogger(ResultBuilder.class.getName());

  private final String metricId;
  private final long seed;
  private final Map<String, String> parameters;
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final Map<String, FeatureProvenance> inputs = new LinkedHashMap<>();
  private final Map<String, Double> extras = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  /**
   * Starts a result.
   *
   * @param parameters every parameter of the metric with the value used, defaults included
   */
  public ResultBuilder(String metricId, long seed, Map<String, String> parameters) {
    this.metricId = metricId;
    this.seed = seed;
    this.parameters = Map.copyOf(parameters);
  }

  /** Records that {@code rowsUsed} rows of {@code set} were read in the role {@code role}. */
  public ResultBuilder input(Role role, FeatureSet set, int rowsUsed) {
    counts.put(role.label(), rowsUsed);
    inputs.put(role.label(), set.provenance());
    return this;
  }

  /** Adds a named value beside the main one, such as {@code kid_std}. */
  public ResultBuilder extra(String name, double value) {
    extras.put(name, value);
    return this;
  }

  /** Adds and logs a warning, which should tell the user what to do about it. */
  public ResultBuilder warn(String message) {
    LOG.log(Level.WARNING, metricId + ": " + message);
    warnings.add(message);
    return this;
  }

  /** Adds and logs every message of {@code messages}. */
  public ResultBuilder warnAll(List<String> messages) {
    messages.forEach(this::warn);
    return this;
  }

  /** Builds the result with {@code value} as the metric value. */
  public MetricResult build(double value) {
    ResultProvenance provenance =
        new ResultProvenance(metricId, seed, parameters, counts, inputs, Versions.metric());
    return new MetricResult(metricId, value, extras, warnings, provenance);
  }
}
