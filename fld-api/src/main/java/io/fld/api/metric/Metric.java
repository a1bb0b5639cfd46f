package io.fld.api.metric;

import io.fld.api.feature.FeatureSet;
import java.util.Set;

/**
 * A metric computed from the features of training, test and generated samples. Instances are
 * configured at construction, including their seed, so that the same instance gives the same result
 * for the same inputs. Implementations must be safe to call from one thread at a time.
 */
public interface Metric {

  /** Returns the metric id, such as {@code fld} or {@code fid_test}. */
  String id();

  /**
   * Returns the sets this metric reads. A set outside it may be passed as {@code null} to {@link
   * #compute}.
   */
  Set<Role> requiredSets();

  /**
   * Checks that the sets meet this metric's preconditions, such as present sets, equal dimensions
   * and enough rows, without computing the metric. A caller that computes several metrics checks
   * them all first, so that bad input is rejected before any long computation. The default checks
   * nothing; {@link #compute} checks its inputs whether or not this was called.
   *
   * @throws io.fld.api.InvalidInputException if {@link #compute} would reject these sets before
   *     computing anything
   */
  default void checkInputs(FeatureSet train, FeatureSet test, FeatureSet gen) {}

  /**
   * Computes the metric.
   *
   * @param train features of the training samples, or {@code null} if not in {@link
   *     #requiredSets()}
   * @param test features of the held-out test samples, or {@code null} if not required
   * @param gen features of the generated samples, or {@code null} if not required
   * @throws io.fld.api.InvalidInputException if a required set is missing, the dimensions differ,
   *     or a set has too few rows for this metric
   */
  MetricResult compute(FeatureSet train, FeatureSet test, FeatureSet gen);
}
