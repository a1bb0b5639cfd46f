package io.fld.metrics.support;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.Role;
import java.util.List;

/**
 * Checks of the feature sets handed to a metric, with messages that name the fix. The messages do
 * not name the metric, because callers show them after its id, as the CLI prints {@code <id>:
 * <message>}.
 */
public final class Inputs {
  /** The maximum number of items that {@link #listFirst} names in one message. */
  public static final int MAX_LISTED = 10;

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
    requireSameDimension(reference, referenceSet, Role.GEN, gen);
    return referenceSet;
  }

  /**
   * Returns {@code set}, or throws when it is missing.
   *
   * @throws InvalidInputException naming the metric and the missing set
   */
  public static FeatureSet require(String metricId, Role role, FeatureSet set) {
    if (set == null) {
      throw new InvalidInputException(missing(metricId, role));
    }
    return set;
  }

  /** Returns the message for a set that {@code metricId} reads but was not given. */
  public static String missing(String metricId, Role role) {
    return "no "
        + role.label()
        + " features were given, but "
        + metricId
        + " reads them; pass the "
        + role.label()
        + " set";
  }

  /**
   * Checks that {@code other} has the dimension of {@code first}.
   *
   * @throws InvalidInputException naming both sets and both dimensions
   */
  public static void requireSameDimension(
      Role firstRole, FeatureSet first, Role otherRole, FeatureSet other) {
    if (first.dimension() != other.dimension()) {
      throw new InvalidInputException(
          "the "
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
   * @param reason why the metric needs that many, completing "at least N rows are needed ..."
   * @throws InvalidInputException naming the set, its row count and the minimum
   */
  public static void requireRows(Role role, FeatureSet set, int minimum, String reason) {
    if (set.rows() < minimum) {
      throw new InvalidInputException(
          "at least "
              + minimum
              + " "
              + role.label()
              + " rows are needed "
              + reason
              + ", but "
              + set.provenance().source()
              + " has "
              + set.rows()
              + "; provide more samples");
    }
  }

  /**
   * Returns the first {@value #MAX_LISTED} of {@code items} joined by commas, followed by how many
   * more there are, for messages that list several offending columns or cells.
   */
  public static String listFirst(List<String> items) {
    String listed = String.join(", ", items.subList(0, Math.min(MAX_LISTED, items.size())));
    int more = items.size() - MAX_LISTED;
    return more > 0 ? listed + " and " + more + " more" : listed;
  }

  /**
   * Returns the integer option {@code name} of the metric {@code metricId}, or {@code defaultValue}
   * when unset.
   *
   * @throws InvalidInputException naming the metric, the option, its value and the allowed range if
   *     the value is not an integer in {@code [minimum, maximum]}
   */
  public static int integerOption(
      String metricId,
      MetricOptions options,
      String name,
      int defaultValue,
      int minimum,
      int maximum) {
    return options.integer("metric " + metricId, name, defaultValue, minimum, maximum);
  }
}
