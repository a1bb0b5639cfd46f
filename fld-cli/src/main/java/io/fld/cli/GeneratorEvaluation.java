package io.fld.cli;

import io.fld.api.metric.MetricResult;
import io.fld.core.extract.ExtractedFeatures;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The evaluation of one generator's samples against the train and test sets.
 *
 * @param name the generator name
 * @param folder the folder of its samples
 * @param features its features, with the sample name of each row
 * @param metrics the metric results by id, in report order
 * @param memorization the memorization score of each sample, in row order (higher means more likely
 *     copied from the training set)
 * @param quality the quality score of each sample, in row order (higher means more likely under the
 *     real data)
 */
record GeneratorEvaluation(
    String name,
    Path folder,
    ExtractedFeatures features,
    Map<String, MetricResult> metrics,
    double[] memorization,
    double[] quality) {

  GeneratorEvaluation {
    Objects.requireNonNull(name, "name");
    metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
  }

  /** Returns the value of metric {@code id}, or NaN when it was not computed. */
  double value(String id) {
    MetricResult result = metrics.get(id);
    return result == null ? Double.NaN : result.value();
  }
}
