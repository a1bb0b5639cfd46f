package io.fld.metrics.fld;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.ResultProvenance;
import io.fld.api.metric.Role;
import io.fld.core.Versions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One member of the FLD family, configured with its settings and seed. */
final class FldMetric implements Metric {
  private final FldKind kind;
  private final FldSettings settings;

  FldMetric(FldKind kind, FldSettings settings) {
    this.kind = kind;
    this.settings = settings;
  }

  @Override
  public String id() {
    return kind.id();
  }

  @Override
  public Set<Role> requiredSets() {
    return EnumSet.allOf(Role.class);
  }

  @Override
  public void checkInputs(FeatureSet train, FeatureSet test, FeatureSet gen) {
    FldEngine.checkInputs(kind.id(), train, test, gen);
    TrainingDuplicates.requireDistinct(train);
  }

  @Override
  public MetricResult compute(FeatureSet train, FeatureSet test, FeatureSet gen) {
    FldEngine.Standardized sets = FldEngine.standardize(kind.id(), train, test, gen);
    TrainingDuplicates.requireDistinct(train);
    FldEvaluation evaluation = FldEvaluation.compute(sets, settings, EnumSet.of(kind));

    Map<String, String> parameters = new LinkedHashMap<>(settings.describe(kind.options()));
    parameters.putAll(evaluation.details());
    putIfComputed(parameters, "nll-test", evaluation.nllTest());
    putIfComputed(parameters, "nll-train", evaluation.nllTrain());
    putIfComputed(parameters, "nll-gen", evaluation.nllGen());
    putIfComputed(
        parameters,
        "baseline-nll-used",
        kind == FldKind.PRECISION ? evaluation.precisionBaseline() : evaluation.baseline());
    parameters.put("gen-rows-used", String.valueOf(evaluation.genRows()));

    ResultProvenance provenance =
        new ResultProvenance(
            kind.id(),
            settings.seed(),
            parameters,
            Map.of(
                Role.TRAIN.label(), train.rows(),
                Role.TEST.label(), test.rows(),
                Role.GEN.label(), gen.rows()),
            inputs(train, test, gen),
            Versions.metric());
    List<String> warnings = new ArrayList<>();
    TrainTestOverlap.warning(train, test).ifPresent(warnings::add);
    if (fitsBaseline()) {
      TrainingDuplicates.warning(train).ifPresent(warnings::add);
    }
    warnings.addAll(evaluation.warnings());
    double value = requireFinite(evaluation.value(kind));
    return new MetricResult(kind.id(), value, Map.of(), warnings, provenance);
  }

  /**
   * Returns whether this metric fits a baseline mixture centered at training rows, which copies
   * among the training rows bias. FLD-P centers its baseline mixture at test rows instead.
   */
  private boolean fitsBaseline() {
    return (kind == FldKind.TEST || kind == FldKind.TRAIN) && settings.baselineNll().isEmpty();
  }

  private double requireFinite(double value) {
    if (Double.isFinite(value)) {
      return value;
    }
    throw new InvalidInputException(
        "the value came out as "
            + value
            + ", most likely because the scale of some features overflows or vanishes in single"
            + " precision after standardizing by the test set; rescale or drop such columns");
  }

  private static void putIfComputed(Map<String, String> parameters, String name, double value) {
    if (!Double.isNaN(value)) {
      parameters.put(name, String.valueOf(value));
    }
  }

  private static Map<String, FeatureProvenance> inputs(
      FeatureSet train, FeatureSet test, FeatureSet gen) {
    return Map.of(
        Role.TRAIN.label(), train.provenance(),
        Role.TEST.label(), test.provenance(),
        Role.GEN.label(), gen.provenance());
  }
}
