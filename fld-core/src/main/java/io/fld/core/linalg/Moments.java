package io.fld.core.linalg;

import io.fld.api.feature.FeatureSet;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * The mean and the unbiased (Bessel-corrected) covariance of the rows of a feature matrix, both in
 * double precision. The covariance is accumulated from rows centered on the double-precision mean,
 * so a large common offset in the features costs no digits.
 *
 * @param rows the number of rows summarized
 * @param dimension the number of columns
 * @param mean the per-column mean, length {@code dimension}
 * @param covariance the row-major {@code dimension x dimension} covariance, divided by {@code rows
 *     - 1}; symmetric
 */
public record Moments(int rows, int dimension, double[] mean, double[] covariance) {

  /** Rows converted to double and centered per call to the symmetric rank-k update. */
  private static final int BLOCK_ROWS = 4096;

  /**
   * Computes the mean and covariance of every row of {@code set}.
   *
   * @throws IllegalArgumentException if the set has fewer than two rows
   */
  public static Moments of(FeatureSet set) {
    return of(set.buffer(), set.rows(), set.dimension());
  }

  /**
   * Computes the mean and covariance of the {@code rows x dimension} row-major values in {@code
   * values}, read from its position onwards.
   *
   * @throws IllegalArgumentException if {@code rows < 2}
   */
  public static Moments of(FloatBuffer values, int rows, int dimension) {
    if (rows < 2) {
      throw new IllegalArgumentException("a covariance needs at least 2 rows, got " + rows);
    }
    FloatBuffer view = values.duplicate();
    int start = view.position();
    double[] mean = mean(view, start, rows, dimension);

    // JavaCPP copies a heap array whole on every BLAS call, so the centered block and the running
    // sum stay in native memory, and each row is centered straight into the native block.
    int blockRows = Math.min(BLOCK_ROWS, rows);
    DoubleBuffer nativeBlock = Blas.allocateDirectDoubles(blockRows * dimension);
    DoubleBuffer nativeCovariance = Blas.allocateDirectDoubles(dimension * dimension);
    for (int first = 0; first < rows; first += BLOCK_ROWS) {
      int count = Math.min(BLOCK_ROWS, rows - first);
      centerInto(view, start + first * dimension, count, dimension, mean, nativeBlock);
      Blas.dsyrkTransposedUpper(dimension, count, 1.0, nativeBlock, 1.0, nativeCovariance);
    }
    double[] covariance = new double[dimension * dimension];
    nativeCovariance.clear();
    nativeCovariance.get(covariance);
    mirrorUpperAndScale(covariance, dimension, 1.0 / (rows - 1));
    return new Moments(rows, dimension, mean, covariance);
  }

  /** Returns the per-column mean of {@code set} in double precision. */
  public static double[] mean(FeatureSet set) {
    FloatBuffer view = set.buffer();
    return mean(view, view.position(), set.rows(), set.dimension());
  }

  /** Returns the trace of the covariance. */
  public double trace() {
    double sum = 0;
    for (int i = 0; i < dimension; i++) {
      sum += covariance[i * dimension + i];
    }
    return sum;
  }

  private static double[] mean(FloatBuffer values, int start, int rows, int dimension) {
    // Partial sums over fixed chunks, combined in chunk order, so the result does not depend on
    // how many threads ran.
    int chunks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    double[][] partial = new double[chunks][];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              double[] sum = new double[dimension];
              float[] row = new float[dimension];
              int end = Math.min(rows, (chunk + 1) * BLOCK_ROWS);
              for (int index = chunk * BLOCK_ROWS; index < end; index++) {
                values.get(start + index * dimension, row, 0, dimension);
                for (int column = 0; column < dimension; column++) {
                  sum[column] += row[column];
                }
              }
              partial[chunk] = sum;
            });
    double[] mean = new double[dimension];
    for (double[] sum : partial) {
      for (int column = 0; column < dimension; column++) {
        mean[column] += sum[column];
      }
    }
    for (int column = 0; column < dimension; column++) {
      mean[column] /= rows;
    }
    return mean;
  }

  private static void centerInto(
      FloatBuffer values,
      int offset,
      int count,
      int dimension,
      double[] mean,
      DoubleBuffer target) {
    IntStream.range(0, count)
        .parallel()
        .forEach(
            index -> {
              float[] row = new float[dimension];
              double[] centered = new double[dimension];
              values.get(offset + index * dimension, row, 0, dimension);
              for (int column = 0; column < dimension; column++) {
                centered[column] = row[column] - mean[column];
              }
              target.put(index * dimension, centered, 0, dimension);
            });
  }

  private static void mirrorUpperAndScale(double[] matrix, int n, double scale) {
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double value = matrix[i * n + j] * scale;
        matrix[i * n + j] = value;
        matrix[j * n + i] = value;
      }
    }
  }
}
