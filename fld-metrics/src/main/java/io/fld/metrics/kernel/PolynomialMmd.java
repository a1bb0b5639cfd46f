package io.fld.metrics.kernel;

import io.fld.core.linalg.Blas;
import io.fld.core.linalg.Points;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * The unbiased estimate of the squared maximum mean discrepancy between two equally sized samples
 * under the kernel {@code k(x, y) = (x.y / d + 1)^3}:
 *
 * <pre>
 *   (sum_{i != j} k(x_i, x_j) + sum_{i != j} k(y_i, y_j)) / (s (s - 1)) - 2 sum_{i, j} k(x_i, y_j) / s^2
 * </pre>
 *
 * The dot products come from single-precision GEMM on the samples divided by a common power of two.
 * That division is exact and brings the largest value into [1, 2), so the products neither overflow
 * for huge features nor underflow for tiny ones. The kernel values and their sums are evaluated in
 * double precision, where the scale is multiplied back. An instance keeps native scratch memory for
 * samples of up to a given size and is not safe for concurrent use.
 */
public final class PolynomialMmd {
  private final int maxSize;
  private final int dimension;
  private final FloatBuffer dots;

  /** Creates an estimator for samples of at most {@code maxSize} rows of {@code dimension}. */
  public PolynomialMmd(int maxSize, int dimension) {
    this.maxSize = maxSize;
    this.dimension = dimension;
    this.dots = Blas.allocateDirect(Math.multiplyExact(maxSize, maxSize));
  }

  /** Allocates a direct buffer for one sample of {@code maxSize} rows. */
  public FloatBuffer allocateSample() {
    return Blas.allocateDirect(Math.multiplyExact(maxSize, dimension));
  }

  /**
   * Computes the estimate for the row-major {@code size x dimension} samples at the start of the
   * direct buffers {@code first} and {@code second}. Both samples are divided in place by a power
   * of two, so the caller refills them before the next call.
   *
   * @throws IllegalArgumentException unless {@code 2 <= size <= maxSize}
   */
  public double unbiased(FloatBuffer first, FloatBuffer second, int size) {
    if (size < 2 || size > maxSize) {
      throw new IllegalArgumentException(
          "sample size must lie in [2, " + maxSize + "], got " + size);
    }
    int count = size * dimension;
    double scale =
        Points.powerOfTwoScale(
            Math.max(largestMagnitude(first, count), largestMagnitude(second, count)));
    divide(first, count, scale);
    divide(second, count, scale);
    double productScale = scale * scale / dimension;
    double withinFirst = kernelSum(first, first, size, productScale, true);
    double withinSecond = kernelSum(second, second, size, productScale, true);
    double across = kernelSum(first, second, size, productScale, false);
    double pairs = (double) size * (size - 1);
    return (withinFirst + withinSecond) / pairs - 2 * across / ((double) size * size);
  }

  private static double largestMagnitude(FloatBuffer values, int count) {
    double largest = 0;
    for (int i = 0; i < count; i++) {
      largest = Math.max(largest, Math.abs(values.get(i)));
    }
    return largest;
  }

  private static void divide(FloatBuffer values, int count, double scale) {
    for (int i = 0; i < count; i++) {
      values.put(i, (float) (values.get(i) / scale));
    }
  }

  private double kernelSum(
      FloatBuffer rows, FloatBuffer columns, int size, double scale, boolean skipDiagonal) {
    Blas.sgemmTransposedB(size, size, dimension, 1f, rows, 0, columns, 0, 0f, dots);
    double[] rowSums = new double[size];
    IntStream.range(0, size)
        .parallel()
        .forEach(i -> rowSums[i] = rowSum(i, size, scale, skipDiagonal));

    // Summed in row order, so the result does not depend on the number of threads.
    double sum = 0;
    for (double rowSum : rowSums) {
      sum += rowSum;
    }
    return sum;
  }

  private double rowSum(int row, int size, double scale, boolean skipDiagonal) {
    double sum = 0;
    int offset = row * size;
    for (int j = 0; j < size; j++) {
      if (skipDiagonal && j == row) {
        continue;
      }
      double base = dots.get(offset + j) * scale + 1.0;
      sum += base * base * base;
    }
    return sum;
  }
}
