package io.fld.core.linalg;

import io.fld.api.feature.FeatureSet;
import java.nio.FloatBuffer;
import java.util.Objects;

/**
 * Rows of a feature matrix shifted by a common origin, in single precision for GEMM, with their
 * squared norms in double precision. Distance kernels take points that share one origin; choosing
 * an origin near the data, such as the mean of the training rows, keeps the {@code |x|^2 + |y|^2 -
 * 2 x.y} expansion free of the cancellation that a large common offset would cause.
 *
 * <p>The shifted rows may also be divided by a common power of two, the scale, which is exact. A
 * scale near the largest shifted value keeps squares and dot products in single precision from
 * overflowing for huge features or underflowing for tiny ones. Norms and distances are then in
 * units of the scale squared, so only points of one scale may be compared with each other.
 *
 * <p>The values live in a direct buffer, so GEMM reads them in place. NOTE: that native memory is
 * released only when the garbage collector reclaims the points, not when a metric returns.
 */
public final class Points {
  /** Unit roundoff of IEEE single precision. */
  private static final double FLOAT_UNIT_ROUNDOFF = 0x1p-24;

  /** Factor over the first-order error bound in {@link #screeningErrorScale}. */
  private static final double SCREENING_SAFETY = 2.0;

  /** Multiples of the unit roundoff that shifting both points by an origin adds to that bound. */
  private static final int SHIFT_ROUNDING_TERMS = 4;

  private final FloatBuffer values;
  private final int rows;
  private final int dimension;
  private final double scale;
  private final double[] squaredNorms;

  private Points(FloatBuffer values, int rows, int dimension, double scale, double[] squaredNorms) {
    this.values = values;
    this.rows = rows;
    this.dimension = dimension;
    this.scale = scale;
    this.squaredNorms = squaredNorms;
  }

  private Points(FloatBuffer values, int rows, int dimension, double scale) {
    this.values = values;
    this.rows = rows;
    this.dimension = dimension;
    this.scale = scale;
    this.squaredNorms = new double[rows];
    for (int row = 0; row < rows; row++) {
      double sum = 0;
      int offset = row * dimension;
      for (int column = 0; column < dimension; column++) {
        double value = values.get(offset + column);
        sum += value * value;
      }
      squaredNorms[row] = sum;
    }
  }

  /**
   * Creates points from every row of {@code set} minus {@code origin}, subtracted in double
   * precision and then rounded once.
   */
  public static Points centered(FeatureSet set, double[] origin) {
    return centered(set, null, origin);
  }

  /**
   * Returns the power of two at or below {@code largestMagnitude}, or 1 when that is zero or not
   * finite. Dividing values by it is exact and brings the largest into [1, 2).
   */
  public static double powerOfTwoScale(double largestMagnitude) {
    if (!(largestMagnitude > 0) || Double.isInfinite(largestMagnitude)) {
      return 1;
    }
    return Math.scalb(1.0, Math.getExponent(largestMagnitude));
  }

  /**
   * Returns the common scale for the rows of {@code sets} minus {@code origin}: the power of two at
   * or below their largest absolute difference.
   */
  public static double commonScale(double[] origin, FeatureSet... sets) {
    double largest = 0;
    for (FeatureSet set : sets) {
      checkOrigin(origin, set.dimension());
      FloatBuffer source = set.buffer();
      int dimension = set.dimension();
      int count = Math.multiplyExact(set.rows(), dimension);
      for (int i = 0; i < count; i++) {
        largest = Math.max(largest, Math.abs(source.get(i) - origin[i % dimension]));
      }
    }
    return powerOfTwoScale(largest);
  }

  /** Returns the power of two at or below the largest absolute value of {@code arrays}. */
  public static double commonScale(double[]... arrays) {
    double largest = 0;
    for (double[] values : arrays) {
      for (double value : values) {
        largest = Math.max(largest, Math.abs(value));
      }
    }
    return powerOfTwoScale(largest);
  }

  /**
   * Creates points from the rows of {@code set} listed in {@code rowIndices} (all rows, in order,
   * when {@code null}), minus {@code origin}.
   */
  public static Points centered(FeatureSet set, int[] rowIndices, double[] origin) {
    return centered(set, rowIndices, origin, 1);
  }

  /**
   * Creates points from the rows of {@code set} listed in {@code rowIndices} (all rows, in order,
   * when {@code null}), minus {@code origin} and divided by {@code scale}, a power of two such as
   * {@link #commonScale(double[], FeatureSet...)} returns.
   */
  public static Points centered(FeatureSet set, int[] rowIndices, double[] origin, double scale) {
    checkScale(scale);
    int dimension = set.dimension();
    checkOrigin(origin, dimension);
    int count = rowIndices == null ? set.rows() : rowIndices.length;
    FloatBuffer source = set.buffer();
    FloatBuffer values = Blas.allocateDirect(Math.multiplyExact(count, dimension));
    for (int row = 0; row < count; row++) {
      int sourceRow = rowIndices == null ? row : rowIndices[row];
      Objects.checkIndex(sourceRow, set.rows());
      int from = sourceRow * dimension;
      int to = row * dimension;
      for (int column = 0; column < dimension; column++) {
        values.put(to + column, (float) ((source.get(from + column) - origin[column]) / scale));
      }
    }
    return new Points(values, count, dimension, scale);
  }

  /**
   * Creates points from {@code rows x dimension} row-major double values that are already centered,
   * rounding each to single precision.
   */
  public static Points of(double[] rowMajor, int rows, int dimension) {
    return of(rowMajor, rows, dimension, 1);
  }

  /**
   * Creates points from {@code rows x dimension} row-major double values that are already centered,
   * divided by {@code scale}, a power of two, and rounded to single precision.
   */
  public static Points of(double[] rowMajor, int rows, int dimension, double scale) {
    checkScale(scale);
    if ((long) rows * dimension != rowMajor.length) {
      throw new IllegalArgumentException(
          "shape " + rows + " x " + dimension + " does not match " + rowMajor.length + " values");
    }
    FloatBuffer values = Blas.allocateDirect(rowMajor.length);
    for (int i = 0; i < rowMajor.length; i++) {
      values.put(i, (float) (rowMajor[i] / scale));
    }
    return new Points(values, rows, dimension, scale);
  }

  /** Returns the points at {@code rowIndices}, in that order. */
  public Points select(int[] rowIndices) {
    FloatBuffer selected = Blas.allocateDirect(Math.multiplyExact(rowIndices.length, dimension));
    for (int i = 0; i < rowIndices.length; i++) {
      Objects.checkIndex(rowIndices[i], rows);
      selected.put(i * dimension, values, rowIndices[i] * dimension, dimension);
    }
    return new Points(selected, rowIndices.length, dimension, scale);
  }

  /**
   * Copies the rows at {@code rowIndices} into the start of {@code scratch}, a direct buffer of at
   * least {@code rowIndices.length * dimension()} floats, and returns points backed by it. The
   * result is valid until {@code scratch} is reused.
   */
  Points gather(int[] rowIndices, FloatBuffer scratch) {
    double[] norms = new double[rowIndices.length];
    for (int i = 0; i < rowIndices.length; i++) {
      scratch.put(i * dimension, values, rowIndices[i] * dimension, dimension);
      norms[i] = squaredNorms[rowIndices[i]];
    }
    return new Points(scratch, rowIndices.length, dimension, scale, norms);
  }

  /**
   * Returns the factor {@code s} for which {@code s (|x'|^2 + |y'|^2)} bounds the error of a
   * squared distance {@code |x'|^2 + |y'|^2 - 2 x'.y'} computed from {@code x' = x - o} and {@code
   * y' = y - o}, each shifted by a common origin {@code o} in single precision, with the dot
   * product in single precision over {@code dimension} terms. The dot product's classical error
   * bound {@code d u |x'| |y'|} contributes {@code d u (|x'|^2 + |y'|^2)}, the rounding of the two
   * shifts at most {@code 4 u (|x'|^2 + |y'|^2)} to first order, and the factor doubles their sum
   * for safety. With a zero origin the shifts are exact and the bound is merely generous.
   */
  static double screeningErrorScale(int dimension) {
    return SCREENING_SAFETY * (dimension + SHIFT_ROUNDING_TERMS) * FLOAT_UNIT_ROUNDOFF;
  }

  /**
   * Copies the rows at {@code rowIndices}, each minus {@code origin} in single precision, into the
   * start of {@code scratch} and returns points backed by it, with the squared norms of the shifted
   * rows. The result is valid until {@code scratch} is reused; it has this set's scale, but its
   * origin is moved by {@code origin}, so only points shifted by the same origin compare with it.
   */
  Points gatherShifted(int[] rowIndices, float[] origin, FloatBuffer scratch) {
    float[] row = new float[dimension];
    double[] norms = new double[rowIndices.length];
    for (int i = 0; i < rowIndices.length; i++) {
      values.get(rowIndices[i] * dimension, row);
      double norm0 = 0;
      double norm1 = 0;
      int column = 0;
      for (; column + 1 < dimension; column += 2) {
        row[column] -= origin[column];
        row[column + 1] -= origin[column + 1];
        norm0 += (double) row[column] * row[column];
        norm1 += (double) row[column + 1] * row[column + 1];
      }
      for (; column < dimension; column++) {
        row[column] -= origin[column];
        norm0 += (double) row[column] * row[column];
      }
      norms[i] = norm0 + norm1;
      scratch.put(i * dimension, row);
    }
    return new Points(scratch, rowIndices.length, dimension, scale, norms);
  }

  public int rows() {
    return rows;
  }

  public int dimension() {
    return dimension;
  }

  /** Returns the power of two the shifted rows were divided by; distances are in its square. */
  public double scale() {
    return scale;
  }

  /** Returns the squared norm of {@code row}, computed in double precision. */
  public double squaredNorm(int row) {
    return squaredNorms[row];
  }

  /** Returns the squared norms of all rows, which kernels in this package must not change. */
  double[] squaredNorms() {
    return squaredNorms;
  }

  /**
   * Returns the squared Euclidean distance between row {@code row} of these points and row {@code
   * otherRow} of {@code other}, computed directly from the differences in double precision.
   */
  public double exactSquaredDistance(int row, Points other, int otherRow) {
    int offset = row * dimension;
    int otherOffset = otherRow * other.dimension;
    FloatBuffer otherValues = other.values;
    // Four partial sums, so that consecutive additions do not wait for each other.
    double sum0 = 0;
    double sum1 = 0;
    double sum2 = 0;
    double sum3 = 0;
    int column = 0;
    for (; column + 3 < dimension; column += 4) {
      double difference0 =
          (double) values.get(offset + column) - otherValues.get(otherOffset + column);
      double difference1 =
          (double) values.get(offset + column + 1) - otherValues.get(otherOffset + column + 1);
      double difference2 =
          (double) values.get(offset + column + 2) - otherValues.get(otherOffset + column + 2);
      double difference3 =
          (double) values.get(offset + column + 3) - otherValues.get(otherOffset + column + 3);
      sum0 += difference0 * difference0;
      sum1 += difference1 * difference1;
      sum2 += difference2 * difference2;
      sum3 += difference3 * difference3;
    }
    for (; column < dimension; column++) {
      double difference =
          (double) values.get(offset + column) - otherValues.get(otherOffset + column);
      sum0 += difference * difference;
    }
    return (sum0 + sum1) + (sum2 + sum3);
  }

  /**
   * The row-major single-precision values in native memory, which GEMM reads in place; kernels in
   * this package must not change them.
   */
  FloatBuffer values() {
    return values;
  }

  private static void checkScale(double scale) {
    if (!(scale > 0)
        || Double.isInfinite(scale)
        || Math.scalb(1.0, Math.getExponent(scale)) != scale) {
      throw new IllegalArgumentException("scale must be a positive power of two, got " + scale);
    }
  }

  private static void checkOrigin(double[] origin, int dimension) {
    if (origin.length != dimension) {
      throw new IllegalArgumentException(
          "origin has " + origin.length + " values but the points have dimension " + dimension);
    }
  }
}
