package io.fld.metrics.fld;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The negative log-likelihoods behind the FLD metrics for one input triple, each computed only when
 * a requested kind needs it. A value not computed is NaN.
 *
 * @param nllTest the test NLL under the mixture at the generated rows
 * @param nllTrain the training NLL under that mixture
 * @param nllGen the NLL of the generated rows under the mixture at the test rows (FLD-P)
 * @param baseline the baseline NLL of FLD, or of FLD-P when only that was requested
 * @param precisionBaseline the baseline NLL of FLD-P
 * @param genRows the generated rows used as centers after the gen-size cap
 * @param warnings conditions a user should know about, each with its remedy
 * @param details what the fits did, for provenance
 */
record FldEvaluation(
    double nllTest,
    double nllTrain,
    double nllGen,
    double baseline,
    double precisionBaseline,
    int genRows,
    List<String> warnings,
    Map<String, String> details) {

  /** FLD values above this, or gaps below its negative, mean near-total memorization. */
  static final double MEMORIZATION_LEVEL = 1000;

  FldEvaluation {
    warnings = List.copyOf(warnings);
    details = Map.copyOf(details);
  }

  /** Returns the value of the metric {@code kind}. */
  double value(FldKind kind) {
    return switch (kind) {
      case TEST -> 100 * (nllTest - baseline);
      case TRAIN -> 100 * (nllTrain - baseline);
      case GAP -> 100 * (nllTrain - nllTest);
      case PRECISION -> 100 * (nllGen - precisionBaseline);
    };
  }

  /**
   * Computes what {@code kinds} need. The draws from the seed are, in order: the gen-size subset,
   * the training shuffle of the fit, then the baseline's split and fit; FLD-P draws its own in the
   * same order after these.
   */
  /**
   * Generated rows below which FLD gets a warning. With two rows from a good model FLD was -7,
   * below the -0.3 of 2000 rows, so values from a few rows do not rank models.
   */
  static final int FEW_GEN_ROWS = 1000;

  static FldEvaluation compute(
      FldEngine.Standardized sets, FldSettings settings, Set<FldKind> kinds) {
    FldEngine engine = new FldEngine(settings);
    List<String> warnings = new ArrayList<>();
    EnumSet<FldKind> requested = EnumSet.copyOf(kinds);
    double nllTest = Double.NaN;
    double nllTrain = Double.NaN;
    double baseline = Double.NaN;
    int genRows = Math.min(sets.gen().rows(), settings.genSize());
    if (genRows < FEW_GEN_ROWS) {
      warnings.add(
          "only "
              + genRows
              + " generated rows are the mixture's centers, and FLD from so few is dominated by"
              + " which rows were drawn, so it can even beat held-out data; use the reference's"
              + " 10000 generated samples, or at least "
              + FEW_GEN_ROWS);
    }

    if (requested.contains(FldKind.TEST)
        || requested.contains(FldKind.TRAIN)
        || requested.contains(FldKind.GAP)) {
      SplittableRandom random = new SplittableRandom(settings.seed());
      Rows gen = sets.gen().subset(settings.genSize(), random);
      FldEngine.Mixture mixture = engine.fit("model", gen, sets.train(), random);
      if (requested.contains(FldKind.TEST) || requested.contains(FldKind.GAP)) {
        nllTest = FldEngine.negativeLogLikelihood(sets.test(), mixture);
      }
      if (requested.contains(FldKind.TRAIN) || requested.contains(FldKind.GAP)) {
        nllTrain = FldEngine.negativeLogLikelihood(sets.train(), mixture);
      }
      if (requested.contains(FldKind.TEST) || requested.contains(FldKind.TRAIN)) {
        baseline = baselineOf(engine, sets, settings, gen.rows(), random, warnings);
      }
    }

    double nllGen = Double.NaN;
    double precisionBaseline = Double.NaN;
    if (requested.contains(FldKind.PRECISION)) {
      SplittableRandom random = new SplittableRandom(settings.seed());
      Rows testCenters = sets.test().subset(settings.testSize(), random);
      Rows gen = sets.gen().subset(settings.genSize(), random);
      FldEngine.Mixture mixture = engine.fit("precision", testCenters, sets.train(), random);
      nllGen = FldEngine.negativeLogLikelihood(gen, mixture);
      precisionBaseline =
          settings.baselineNll().isPresent()
              ? settings.baselineNll().getAsDouble()
              : engine.precisionBaseline(sets.train(), testCenters, random);
    }

    Map<String, String> details = Map.copyOf(engine.fitDetails());
    FldEvaluation values =
        new FldEvaluation(
            nllTest, nllTrain, nllGen, baseline, precisionBaseline, genRows, List.of(), details);
    warnings.addAll(values.memorizationWarnings(requested));
    return new FldEvaluation(
        nllTest, nllTrain, nllGen, baseline, precisionBaseline, genRows, warnings, details);
  }

  private static double baselineOf(
      FldEngine engine,
      FldEngine.Standardized sets,
      FldSettings settings,
      int genRows,
      SplittableRandom random,
      List<String> warnings) {
    if (settings.baselineNll().isPresent()) {
      return settings.baselineNll().getAsDouble();
    }
    int trainRows = sets.train().rows();
    if (genRows > trainRows / 2) {
      warnings.add(
          "the "
              + genRows
              + " generated rows are more than half of the "
              + trainRows
              + " training rows, so the baseline mixture has only "
              + (trainRows / 2 == 1 ? "1 center" : trainRows / 2 + " centers")
              + " and FLD can be strongly negative (values such as -1500); use at least "
              + 2 * genRows
              + " training rows, lower gen-size, or pass baseline-nll");
    }
    return engine.baseline(sets.train(), sets.test(), genRows, random);
  }

  private List<String> memorizationWarnings(Set<FldKind> requested) {
    List<String> warnings = new ArrayList<>();
    for (FldKind kind : requested) {
      double value = value(kind);
      boolean memorized =
          switch (kind) {
            case TEST, TRAIN -> value > MEMORIZATION_LEVEL;
            case GAP -> value < -MEMORIZATION_LEVEL;
            case PRECISION -> false;
          };
      if (memorized) {
        warnings.add(
            kind.id()
                + " = "
                + value
                + " is beyond "
                + (kind == FldKind.GAP ? "-" : "")
                + MEMORIZATION_LEVEL
                + ": the generated samples are near-copies of training samples (near-total"
                + " memorization); check the model for overfitting, or check that the generated"
                + " set is not drawn from the training set");
      }
    }
    return warnings;
  }
}
