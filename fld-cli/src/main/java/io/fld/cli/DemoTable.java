package io.fld.cli;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's results as a text table, one row per generator, with FLD's ranking and a one-line
 * reading of each row.
 */
final class DemoTable {
  /**
   * The C_T z-score below which generated samples sit significantly closer to the training set than
   * test samples do: a one-sided test at about the 0.1 % level.
   */
  static final double COPYING_CT = -3.0;

  /**
   * The generalization gap (100 times the NLL difference per dimension) below which the training
   * images are far likelier than the test images under the generated samples' mixture.
   */
  static final double MEMORIZATION_GAP = -5.0;

  /** The precision below which many samples lie off the real data's manifold. */
  static final double LOW_PRECISION = 0.7;

  /** The recall below which the samples cover little of the real data's manifold. */
  static final double LOW_RECALL = 0.3;

  /** The magnitude from which values print in scientific notation, to fit their column. */
  static final double LARGE_VALUE = 1e5;

  private static final int NAME_WIDTH = 14;
  private static final int VALUE_WIDTH = 11;

  private final List<GeneratorEvaluation> evaluations;
  private final List<String> metricIds;
  private final Map<String, Integer> fldRanks;
  private final Map<String, Integer> fidTestRanks;

  DemoTable(List<GeneratorEvaluation> evaluations, List<String> metricIds) {
    this.evaluations = List.copyOf(evaluations);
    this.metricIds = List.copyOf(metricIds);
    this.fldRanks = ranks("fld");
    this.fidTestRanks = ranks("fid_test");
  }

  /** Returns the metric ids of the columns, in order. */
  List<String> metricIds() {
    return metricIds;
  }

  /** Returns the rank of {@code generator} by FLD, 1 for the lowest (best). */
  int fldRank(String generator) {
    return fldRanks.get(generator);
  }

  /** Returns whether the metrics indicate that {@code evaluation} copies its training images. */
  static boolean memorizes(GeneratorEvaluation evaluation) {
    return evaluation.value("fld_gap") < MEMORIZATION_GAP || evaluation.value("ct") < COPYING_CT;
  }

  /** Returns a one-line reading of the metrics of {@code evaluation}. */
  String reading(GeneratorEvaluation evaluation) {
    String name = evaluation.name();
    int count = evaluations.size();
    String fldRank = "FLD ranks it " + fldRanks.get(name) + " of " + count;
    if (memorizes(evaluation)) {
      String evidence =
          String.format(
              Locale.ROOT,
              "fld_gap %s and C_T %.1f flag memorization",
              format(evaluation, "fld_gap"),
              evaluation.value("ct"));
      if (count == 1) {
        return "copies training images: " + evidence;
      }
      if (fidTestRanks.get(name) < fldRanks.get(name)) {
        return String.format(
            Locale.ROOT,
            "copies training images: FID (test) ranks it %d of %d, but %s; %s",
            fidTestRanks.get(name),
            count,
            fldRank,
            evidence);
      }
      return "copies training images: " + fldRank + "; " + evidence;
    }
    if (count > 1 && fldRanks.get(name) == 1) {
      return "best FLD: realistic, diverse and novel samples, as a model that generalizes";
    }
    String fidelity =
        evaluation.value("precision") < LOW_PRECISION
            ? "low fidelity (many samples off the real images' manifold)"
            : "good fidelity";
    String diversity =
        evaluation.value("recall") < LOW_RECALL
            ? "low diversity (covers little of the real data)"
            : "good diversity";
    return count == 1 ? fidelity + ", " + diversity : fidelity + ", " + diversity + "; " + fldRank;
  }

  /** Returns the table and the readings as text. */
  String render() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%-" + NAME_WIDTH + "s", "generator"));
    for (String id : metricIds) {
      text.append(String.format(Locale.ROOT, "%" + VALUE_WIDTH + "s", id));
    }
    text.append(String.format(Locale.ROOT, "%" + VALUE_WIDTH + "s%n", "FLD rank"));
    for (GeneratorEvaluation evaluation : evaluations) {
      text.append(String.format(Locale.ROOT, "%-" + NAME_WIDTH + "s", evaluation.name()));
      for (String id : metricIds) {
        text.append(String.format(Locale.ROOT, "%" + VALUE_WIDTH + "s", format(evaluation, id)));
      }
      text.append(
          String.format(Locale.ROOT, "%" + VALUE_WIDTH + "d%n", fldRanks.get(evaluation.name())));
    }
    text.append(System.lineSeparator());
    for (GeneratorEvaluation evaluation : evaluations) {
      text.append(
          String.format(
              Locale.ROOT, "%-" + NAME_WIDTH + "s%s%n", evaluation.name(), reading(evaluation)));
    }
    return text.toString();
  }

  /** Returns the value of metric {@code id} for display, with digits suited to its scale. */
  static String format(GeneratorEvaluation evaluation, String id) {
    double value = evaluation.value(id);
    if (Math.abs(value) >= LARGE_VALUE) {
      return String.format(Locale.ROOT, "%.3g", value);
    }
    if (id.equals("kid")) {
      return String.format(Locale.ROOT, "%.4f", value);
    }
    if (id.equals("precision") || id.equals("recall")) {
      return String.format(Locale.ROOT, "%.3f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private Map<String, Integer> ranks(String metric) {
    List<GeneratorEvaluation> sorted =
        evaluations.stream()
            .sorted(Comparator.comparingDouble(evaluation -> evaluation.value(metric)))
            .toList();
    Map<String, Integer> ranks = new LinkedHashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      ranks.put(sorted.get(i).name(), i + 1);
    }
    return ranks;
  }
}
