package io.fld.metrics.fld;

import io.fld.api.metric.OptionSpec;
import java.util.List;

/** The members of the FLD family, with their metric ids, descriptions and options. */
enum FldKind {
  /** FLD against the test set, the default. */
  TEST(
      "fld",
      "Feature Likelihood Divergence: 100 x (test NLL under a mixture at the generated samples"
          + " - baseline NLL); lower is better, above 1000 means memorization"),
  /** FLD of the training set. */
  TRAIN(
      "fld_train",
      "FLD scored on the training set instead of the test set: 100 x (train NLL - baseline"
          + " NLL)"),
  /** The generalization gap, which needs no baseline. */
  GAP(
      "fld_gap",
      "FLD generalization gap: 100 x (train NLL - test NLL) under the mixture at the generated"
          + " samples; the more negative, the more the model memorizes"),
  /** The precision side: generated samples scored under a mixture at the test set. */
  PRECISION(
      "fld_p",
      "precision-side FLD: 100 x (NLL of the generated samples under a mixture at the test"
          + " samples fitted to train - baseline NLL)");

  private final String id;
  private final String description;

  FldKind(String id, String description) {
    this.id = id;
    this.description = description;
  }

  String id() {
    return id;
  }

  String description() {
    return description;
  }

  /** Returns whether this kind subtracts a baseline NLL. */
  boolean usesBaseline() {
    return this != GAP;
  }

  /** Returns the documented options of this kind. */
  List<OptionSpec> options() {
    List<OptionSpec> specs = new java.util.ArrayList<>();
    specs.add(FldSettings.GEN_SIZE_SPEC);
    if (usesBaseline()) {
      specs.add(FldSettings.BASELINE_NLL_SPEC);
    }
    if (this == PRECISION) {
      specs.add(FldSettings.TEST_SIZE_SPEC);
    }
    specs.addAll(FldSettings.FIT_SPECS);
    return List.copyOf(specs);
  }
}
