package io.fld.metrics.support;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Role;

/** Checks of the feature sets handed to a metric, with messages that name the fix. */
public final class Inputs {
  private Inputs() {}

  /**
   * Returns the reference set ({@code train} or {@code test}) of a metric that compares it with the
   * generated set, after checking that both are present and have the same dimension.
   *
   * @throws InvalidInputException if a set is missing or the dimensions differ
   */
  public static FeatureSet requireReferenceAndGen(
      String metricId, Role reference, FeatureSet train, FeatureSet test, FeatureSet gen) {
    FeatureSet referenceSet = require(metricId, reference, reference == Role.TRAIN ? train : test);
    require(metricId, Role.GEN, gen);
    requireSameDimension(metricId, reference, referenceSet, Role.GEN, gen);
    return referenceSet;
  }

  /**
   * Returns {@code set}, or throws when it is missing.
   *
   * @throws InvalidInputException naming the metric and the missing set
   */
  public static FeatureSet require(String metricId, Role role, FeatureSet set) {
    if (set == null) {
      throw new InvalidInputException(
          "metric "
              + metricId
              + " needs the "
              + role.label()
              + " features, but none were given; pass the "
              + role.label()
              + " set");
    }
    return set;
  }

  /**
   * Checks that {@code other} has the dimension of {@code first}.
   *
   * @throws InvalidInputException naming both sets and both dimensions
   */
  public static void requireSameDimension(
      String metricId, Role firstRole, FeatureSet first, Role otherRole, FeatureSet other) {
    if (first.dimension() != other.dimension()) {
      throw new InvalidInputException(
          "metric "
              + metricId
              + ": the "
              + firstRole.label()
              + " features ("
              + first.provenance().source()
              + ") have dimension "
              + first.dimension()
              + " but the "
              + otherRole.label()
              + " features ("
              + other.provenance().source()
              + ") have dimension "
              + other.dimension()
              + "; compute all sets with the same feature extractor");
    }
  }

  /**
   * Checks that {@code set} has at least {@code minimum} rows.
   *
   * @param reason why the metric needs that many, completing "needs at least N rows ..."
   * @throws InvalidInputException naming the set, its row count and the minimum
   */
  public static void requireRows(
      String metricId, Role role, FeatureSet set, int minimum, String reason) {
    if (set.rows() < minimum) {
      throw new InvalidInputException(
          "metric "
              + metricId
              + " needs at least "
              + minimum
              + " "
              + role.label()
              + " rows "
              + reason
              + ", but "
              + set.provenance().source()
              + " has "
              + set.rows()
              + "; provide more samples");
    }
  }

  /**
   * Checks that an integer option lies in {@code [minimum, maximum]}.
   *
   * @throws InvalidInputException naming the option, its value and the allowed range
   */
  public static int requireRange(
      String metricId, String option, int value, int minimum, int maximum) {
    if (value < minimum || value > maximum) {
      throw new InvalidInputException(
          "option "
              + option
              + " of metric "
              + metricId
              + " must lie in ["
              + minimum
              + ", "
              + maximum
              + "], got "
              + value);
    }
    return value;
  }
}
