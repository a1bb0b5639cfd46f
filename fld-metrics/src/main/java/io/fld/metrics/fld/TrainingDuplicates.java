package io.fld.metrics.fld;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks for exact copies among the training rows. The baseline of FLD is the test NLL under a
 * mixture centered at half of the training rows and fitted to the other half. A fitted row equal to
 * a center lies at distance 0 from it, where the likelihood grows without bound as the component's
 * variance shrinks, so the fit drives that variance down as far as its steps reach. When every
 * center has such a copy, the baseline NLL of the test set explodes: a training set of one repeated
 * row gives FLD near -1e17. With fewer copies only some components collapse, and FLD comes out too
 * low by an amount that grows with their share.
 */
final class TrainingDuplicates {
  /** The share of training rows that copy an earlier row above which FLD warns. */
  static final double WARNING_SHARE = 0.1;

  private TrainingDuplicates() {}

  /**
   * Checks that the training set has at least two distinct rows.
   *
   * @throws InvalidInputException naming the file if every row equals the first
   */
  static void requireDistinct(FeatureSet train) {
    float[] first = new float[train.dimension()];
    float[] row = new float[train.dimension()];
    train.copyRow(0, first, 0);
    for (int i = 1; i < train.rows(); i++) {
      train.copyRow(i, row, 0);
      for (int c = 0; c < row.length; c++) {
        if (row[c] != first[c]) {
          return;
        }
      }
    }
    throw new InvalidInputException(
        train.provenance().source()
            + ": all "
            + train.rows()
            + " training rows are identical, but FLD needs distinct training rows as mixture"
            + " centers: its baseline mixture is centered at half of them and fitted to the rest,"
            + " and copies of a center drive the fitted variances to zero. Check that the file"
            + " holds the features of the training samples");
  }

  /**
   * Returns the share of training rows that equal an earlier row bit for bit, compared by a 64-bit
   * hash, so a hash collision may rarely count two different rows as copies.
   */
  static double duplicateShare(FeatureSet train) {
    float[] row = new float[train.dimension()];
    Set<Long> seen = new HashSet<>();
    int duplicates = 0;
    for (int i = 0; i < train.rows(); i++) {
      train.copyRow(i, row, 0);
      duplicates += seen.add(TrainTestOverlap.hash(row)) ? 0 : 1;
    }
    return train.rows() == 0 ? 0 : (double) duplicates / train.rows();
  }

  /** Returns a warning when more than {@link #WARNING_SHARE} of the training rows are copies. */
  static Optional<String> warning(FeatureSet train) {
    double share = duplicateShare(train);
    if (share <= WARNING_SHARE) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%.0f%% of the %d training rows are exact copies of other training rows. The baseline"
                + " mixture is centered at half of the training rows and fitted to the rest, and a"
                + " component whose center has a copy among those rows shrinks its variance toward"
                + " zero, so FLD comes out too low, by orders of magnitude when few rows are"
                + " distinct. Remove the duplicate rows or pass baseline-nll",
            100 * share,
            train.rows()));
  }
}
