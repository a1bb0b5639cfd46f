package io.fld.metrics.kernel;

import io.fld.core.linalg.Blas;
import java.util.stream.IntStream;

/**
 * The unbiased estimate of the squared maximum mean discrepancy between two equally sized samples
 * under the kernel {@code k(x, y) = (x.y / d + 1)^3}:
 *
 * <pre>
 *   (sum_{i != j} k(x_i, x_j) + sum_{i != j} k(y_i, y_j)) / (s (s - 1)) - 2 sum_{i, j} k(x_i, y_j) / s^2
 * </pre>
 *
 * The dot products come from single-precision GEMM; the kernel values and their sums are evaluated
 * in double precision.
 */
public final class PolynomialMmd {
  private PolynomialMmd() {}

  /**
   * Computes the estimate for the row-major {@code size x dimension} samples {@code first} and
   * {@code second}.
   *
   * @throws IllegalArgumentException if {@code size < 2} or an array is too short
   */
  public static double unbiased(float[] first, float[] second, int size, int dimension) {
    if (size < 2) {
      throw new IllegalArgumentException("the unbiased estimate needs 2 rows, got " + size);
    }
    double withinFirst = kernelSum(first, first, size, dimension, true);
    double withinSecond = kernelSum(second, second, size, dimension, true);
    double across = kernelSum(first, second, size, dimension, false);
    double pairs = (double) size * (size - 1);
    return (withinFirst + withinSecond) / pairs - 2 * across / ((double) size * size);
  }

  private static double kernelSum(
      float[] rows, float[] columns, int size, int dimension, boolean skipDiagonal) {
    float[] dots = new float[size * size];
    Blas.sgemmTransposedB(size, size, dimension, 1f, rows, 0, columns, 0, 0f, dots);
    double scale = 1.0 / dimension;
    double[] rowSums = new double[size];
    IntStream.range(0, size)
        .parallel()
        .forEach(i -> rowSums[i] = rowSum(dots, i, size, scale, skipDiagonal));

    // Summed in row order, so the result does not depend on the number of threads.
    double sum = 0;
    for (double rowSum : rowSums) {
      sum += rowSum;
    }
    return sum;
  }

  private static double rowSum(
      float[] dots, int row, int size, double scale, boolean skipDiagonal) {
    double sum = 0;
    int offset = row * size;
    for (int j = 0; j < size; j++) {
      if (skipDiagonal && j == row) {
        continue;
      }
      double base = dots[offset + j] * scale + 1.0;
      sum += base * base * base;
    }
    return sum;
  }
}
