package io.fld.cli;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an evaluation.
 *
 * @param results each metric's result, in report order
 * @param errors the message of each metric that failed, by metric id, in report order
 * @param counts the number of rows of each set given
 * @param inputs the provenance of each set given
 * @param extractor the extractor id, or {@code none} when every set was a feature file
 * @param seed the seed every metric used
 * @param warnings notes for the user, each with its remedy
 * @param seconds the time each metric took, in seconds
 */
record EvaluationReport(
    Map<String, MetricResult> results,
    Map<String, String> errors,
    Map<Role, Integer> counts,
    Map<Role, FeatureProvenance> inputs,
    String extractor,
    long seed,
    List<String> warnings,
    Map<String, Double> seconds) {

  EvaluationReport {
    results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
    errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    counts = Map.copyOf(counts);
    inputs = Map.copyOf(inputs);
    warnings = List.copyOf(warnings);
    seconds = Map.copyOf(seconds);
  }

  /**
   * Returns every reported value: each metric's value followed by its extras, such as {@code
   * kid_std}. An extra whose name does not start with its metric's id and an underscore is renamed
   * to that id, an underscore and the part after the name's first underscore, so that {@code
   * kid_std} of {@code kid_test} becomes {@code kid_test_std} instead of replacing the {@code
   * kid_std} of {@code kid}.
   */
  Map<String, Double> values() {
    Map<String, Double> values = new LinkedHashMap<>();
    for (MetricResult result : results.values()) {
      values.put(result.metricId(), result.value());
      new java.util.TreeMap<>(result.extras())
          .forEach((name, value) -> values.put(extraName(result.metricId(), name), value));
    }
    return values;
  }

  static String extraName(String metricId, String name) {
    String prefix = metricId + "_";
    if (name.startsWith(prefix)) {
      return name;
    }
    return prefix + name.substring(name.indexOf('_') + 1);
  }
}
