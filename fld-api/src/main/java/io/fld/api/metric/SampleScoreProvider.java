package io.fld.api.metric;

import io.fld.api.feature.FeatureSet;
import java.util.List;

/**
 * Computes one score per generated sample, such as the memorization or quality score. Providers are
 * contributed by plugins through {@link io.fld.api.plugin.FldPlugin#sampleScores()} and looked up
 * by {@link #name()}, the score kind.
 */
public interface SampleScoreProvider {

  /**
   * Returns the score kind: lower-case letters, digits and underscores, such as {@code quality}.
   */
  String name();

  /** Returns a one-line description for listings, saying whether higher means more of what. */
  String description();

  /** Returns the documented options with their defaults. */
  List<OptionSpec> options();

  /**
   * Scores every row of {@code gen}.
   *
   * @return one score per row of {@code gen}, in row order
   * @throws io.fld.api.InvalidInputException if an option is unknown or out of range, the
   *     dimensions differ, or a set has too few rows
   */
  double[] score(FeatureSet train, FeatureSet test, FeatureSet gen, MetricOptions options);
}
