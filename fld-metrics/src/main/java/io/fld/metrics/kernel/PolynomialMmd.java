package io.fld.metrics.kernel;

import io.fld.core.linalg.Blas;
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
 * The dot products come from single-precision GEMM; the kernel values and their sums are evaluated
 * in double precision. An instance keeps native scratch memory for samples of up to a given size
 * and is not safe for concurrent use.
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
   * direct buffers {@code first} and {@code second}.
   *
   * @throws IllegalArgumentException unless {@code 2 <= size <= maxSize}
   */
  public double unbiased(FloatBuffer first, FloatBuffer second, int size) {
    if (size < 2 || size > maxSize) {
      throw new IllegalArgumentException(
          "sample size must lie in [2, " + maxSize + "], got " + size);
    }
    double withinFirst = kernelSum(first, first, size, true);
    double withinSecond = kernelSum(second, second, size, true);
    double across = kernelSum(first, second, size, false);
    double pairs = (double) size * (size - 1);
    return (withinFirst + withinSecond) / pairs - 2 * across / ((double) size * size);
  }

  private double kernelSum(FloatBuffer rows, FloatBuffer columns, int size, boolean skipDiagonal) {
    Blas.sgemmTransposedB(size, size, dimension, 1f, rows, 0, columns, 0, 0f, dots);
    double scale = 1.0 / dimension;
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
