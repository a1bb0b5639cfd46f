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
 * <p>The values live in a direct buffer, so GEMM reads them in place. NOTE: that native memory is
 * released only when the garbage collector reclaims the points, not when a metric returns.
 */
public final class Points {
  private final FloatBuffer values;
  private final int rows;
  private final int dimension;
  private final double[] squaredNorms;

  private Points(FloatBuffer values, int rows, int dimension, double[] squaredNorms) {
    this.values = values;
    this.rows = rows;
    this.dimension = dimension;
    this.squaredNorms = squaredNorms;
  }

  private Points(FloatBuffer values, int rows, int dimension) {
    this.values = values;
    this.rows = rows;
    this.dimension = dimension;
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
   * Creates points from the rows of {@code set} listed in {@code rowIndices} (all rows, in order,
   * when {@code null}), minus {@code origin}.
   */
  public static Points centered(FeatureSet set, int[] rowIndices, double[] origin) {
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
        values.put(to + column, (float) (source.get(from + column) - origin[column]));
      }
    }
    return new Points(values, count, dimension);
  }

  /**
   * Creates points from {@code rows x dimension} row-major double values that are already centered,
   * rounding each to single precision.
   */
  public static Points of(double[] rowMajor, int rows, int dimension) {
    if ((long) rows * dimension != rowMajor.length) {
      throw new IllegalArgumentException(
          "shape " + rows + " x " + dimension + " does not match " + rowMajor.length + " values");
    }
    FloatBuffer values = Blas.allocateDirect(rowMajor.length);
    for (int i = 0; i < rowMajor.length; i++) {
      values.put(i, (float) rowMajor[i]);
    }
    return new Points(values, rows, dimension);
  }

  /** Returns the points at {@code rowIndices}, in that order. */
  public Points select(int[] rowIndices) {
    FloatBuffer selected = Blas.allocateDirect(Math.multiplyExact(rowIndices.length, dimension));
    for (int i = 0; i < rowIndices.length; i++) {
      Objects.checkIndex(rowIndices[i], rows);
      selected.put(i * dimension, values, rowIndices[i] * dimension, dimension);
    }
    return new Points(selected, rowIndices.length, dimension);
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
    return new Points(scratch, rowIndices.length, dimension, norms);
  }

  public int rows() {
    return rows;
  }

  public int dimension() {
    return dimension;
  }

  /** Returns the squared norm of {@code row}, computed in double precision. */
  public double squaredNorm(int row) {
    return squaredNorms[row];
  }

  /**
   * Returns the squared Euclidean distance between row {@code row} of these points and row {@code
   * otherRow} of {@code other}, computed directly from the differences in double precision.
   */
  public double exactSquaredDistance(int row, Points other, int otherRow) {
    int offset = row * dimension;
    int otherOffset = otherRow * other.dimension;
    double sum = 0;
    for (int column = 0; column < dimension; column++) {
      double difference =
          (double) values.get(offset + column) - other.values.get(otherOffset + column);
      sum += difference * difference;
    }
    return sum;
  }

  /**
   * The row-major single-precision values in native memory, which GEMM reads in place; kernels in
   * this package must not change them.
   */
  FloatBuffer values() {
    return values;
  }

  private static void checkOrigin(double[] origin, int dimension) {
    if (origin.length != dimension) {
      throw new IllegalArgumentException(
          "origin has " + origin.length + " values but the points have dimension " + dimension);
    }
  }
}
