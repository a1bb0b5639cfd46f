package io.fld.metrics.fld;

import io.fld.api.feature.FeatureSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A cheap check that the test set is held out: the share of the first test rows that also occur,
 * bit for bit, in the training set. FLD compares how well the generated samples explain training
 * and test rows, so a test set drawn from the training set makes the value meaningless.
 */
final class TrainTestOverlap {
  /** The number of test rows, from the first, that are looked up in the training set. */
  static final int SAMPLE_ROWS = 1000;

  /** The share of sampled test rows found in the training set above which FLD warns. */
  static final double WARNING_SHARE = 0.5;

  /** The 64-bit FNV-1a offset basis, the starting value of a row hash. */
  private static final long HASH_OFFSET = 0xcbf29ce484222325L;

  /** The 64-bit FNV-1a prime, which mixes each value into a row hash. */
  private static final long HASH_PRIME = 0x100000001b3L;

  private TrainTestOverlap() {}

  /** Returns the share of the first {@link #SAMPLE_ROWS} test rows found in {@code train}. */
  static double sharedShare(FeatureSet train, FeatureSet test) {
    float[] row = new float[train.dimension()];
    Set<Long> trainRows = new HashSet<>();
    for (int i = 0; i < train.rows(); i++) {
      train.copyRow(i, row, 0);
      trainRows.add(hash(row));
    }

    int sampled = Math.min(SAMPLE_ROWS, test.rows());
    int shared = 0;
    for (int i = 0; i < sampled; i++) {
      test.copyRow(i, row, 0);
      shared += trainRows.contains(hash(row)) ? 1 : 0;
    }
    return sampled == 0 ? 0 : (double) shared / sampled;
  }

  /**
   * Returns a warning when more than {@link #WARNING_SHARE} of the sampled test rows are shared.
   */
  static Optional<String> warning(FeatureSet train, FeatureSet test) {
    double share = sharedShare(train, test);
    if (share <= WARNING_SHARE) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            "the test set overlaps the training set: %.0f%% of the first %d test rows also occur"
                + " in the training set. FLD needs held-out test samples, so pass test rows that"
                + " were not used for training",
            100 * share, Math.min(SAMPLE_ROWS, test.rows())));
  }

  /** Returns the 64-bit FNV-1a hash of the bits of {@code row}. */
  static long hash(float[] row) {
    long hash = HASH_OFFSET;
    for (float value : row) {
      hash = (hash ^ Float.floatToRawIntBits(value)) * HASH_PRIME;
    }
    return hash;
  }
}
