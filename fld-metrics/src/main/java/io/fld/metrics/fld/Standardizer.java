package io.fld.metrics.fld;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.metrics.support.Inputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps feature rows to {@code (x - mean) / std} with the per-column mean and Bessel-corrected
 * standard deviation of the test set. FLD measures every distance in these units, so the result is
 * invariant to a common shift and to per-column scaling of all three sets.
 */
final class Standardizer {
  /**
   * The largest ratio of a column's standard deviation to its largest absolute value at which the
   * column counts as constant: below it the spread is rounding noise around one value.
   */
  static final double RELATIVE_SPREAD_FLOOR = 1e-12;

  /**
   * The smallest standard deviation a column may have. Below the smallest normal float the values
   * have lost precision, and dividing ordinary values by it overflows single precision.
   */
  static final double MIN_DEVIATION = Float.MIN_NORMAL;

  private final double[] means;
  private final double[] deviations;

  private Standardizer(double[] means, double[] deviations) {
    this.means = means;
    this.deviations = deviations;
  }

  /**
   * Computes the statistics of {@code test}.
   *
   * @throws InvalidInputException if the test set has fewer than 2 rows or a column does not vary:
   *     its standard deviation is below {@link #MIN_DEVIATION} or at most {@link
   *     #RELATIVE_SPREAD_FLOOR} times its largest absolute value
   */
  static Standardizer fitTo(FeatureSet test) {
    if (test.rows() < 2) {
      throw new InvalidInputException(
          test.provenance().source()
              + ": FLD standardizes by the standard deviation of the test set, which needs at"
              + " least 2 rows, got "
              + test.rows()
              + "; pass a larger test set");
    }
    int dimension = test.dimension();
    double[] means = new double[dimension];
    double[] squares = new double[dimension];
    double[] largest = new double[dimension];
    float[] row = new float[dimension];
    for (int i = 0; i < test.rows(); i++) {
      test.copyRow(i, row, 0);
      for (int c = 0; c < dimension; c++) {
        means[c] += row[c];
        largest[c] = Math.max(largest[c], Math.abs(row[c]));
      }
    }
    for (int c = 0; c < dimension; c++) {
      means[c] /= test.rows();
    }
    for (int i = 0; i < test.rows(); i++) {
      test.copyRow(i, row, 0);
      for (int c = 0; c < dimension; c++) {
        double centered = row[c] - means[c];
        squares[c] += centered * centered;
      }
    }
    double[] deviations = new double[dimension];
    List<String> constant = new ArrayList<>();
    for (int c = 0; c < dimension; c++) {
      deviations[c] = Math.sqrt(squares[c] / (test.rows() - 1));
      if (!(deviations[c] >= MIN_DEVIATION && deviations[c] > RELATIVE_SPREAD_FLOOR * largest[c])) {
        constant.add(
            "column " + c + " = " + test.get(0, c) + " (standard deviation " + deviations[c] + ")");
      }
    }
    if (!constant.isEmpty()) {
      throw constantColumns(test, constant);
    }
    return new Standardizer(means, deviations);
  }

  private static InvalidInputException constantColumns(FeatureSet test, List<String> columns) {
    boolean single = columns.size() == 1;
    return new InvalidInputException(
        test.provenance().source()
            + ": "
            + columns.size()
            + (single ? " column" : " columns")
            + " of the test set "
            + (single ? "has" : "have")
            + " the same value in every row, up to rounding: "
            + Inputs.listFirst(columns)
            + ". FLD divides each column by its test standard deviation, so drop "
            + (single ? "that column" : "those columns")
            + " from all three sets or use a test set in which "
            + (single ? "it varies" : "they vary"));
  }

  /** Returns the standardized rows of {@code features}. */
  Rows apply(FeatureSet features) {
    int dimension = means.length;
    float[] data = features.toArray();
    for (int i = 0; i < features.rows(); i++) {
      int offset = i * dimension;
      for (int c = 0; c < dimension; c++) {
        data[offset + c] = (float) ((data[offset + c] - means[c]) / deviations[c]);
      }
    }
    return new Rows(data, features.rows(), dimension);
  }
}
