package io.fld.metrics.fld;

import io.fld.core.linalg.Blas;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * Squared Euclidean distances between rows and mixture centers, computed block by block so that no
 * more than {@link #BLOCK_ROWS} rows of the full distance matrix exist at once.
 *
 * <p>Each block uses {@code |x|^2 + |g|^2 - 2 x.g}: the cross term comes from single-precision GEMM
 * and the squared norms are accumulated in double. The inputs are standardized by the test set, so
 * they are centered near the origin and the expansion loses few digits. Near-duplicate rows are the
 * exception, because the expansion's rounding error, about float epsilon times the squared norms,
 * can exceed their distance and even make it negative. Entries below {@link #REFINE_RATIO} of the
 * squared norms are therefore recomputed directly as {@code sum (x - g)^2} in double, so an exact
 * copy gets distance 0 and a near copy its true small distance.
 *
 * <p>The variance fit may instead see the plain single-precision expansion (see {@link
 * FitDistances}); scoring always uses the exact distances.
 */
final class SquaredDistances {
  /** Rows per block: a block holds {@code BLOCK_ROWS * centers} floats. */
  static final int BLOCK_ROWS = 512;

  /**
   * Expansion results below this fraction of {@code |x|^2 + |g|^2} are recomputed directly: at that
   * level the float32 cross term has lost about 3 of its 7 significant digits.
   */
  static final double REFINE_RATIO = 1e-3;

  private SquaredDistances() {}

  /** Receives one block of distances, row-major, {@code rowCount x centers} long. */
  @FunctionalInterface
  interface BlockConsumer {
    void accept(int firstRow, int rowCount, float[] distances);
  }

  /**
   * Receives one block of distances in two versions, both row-major and {@code rowCount x centers}
   * long: as the variance fit uses them and exact. The two arrays are the same when the fit uses
   * exact distances.
   */
  @FunctionalInterface
  interface FitBlockConsumer {
    void accept(int firstRow, int rowCount, float[] fitDistances, float[] exactDistances);
  }

  /**
   * Computes the exact distances of all rows of {@code x} to all {@code centers}, block by block.
   */
  static void forEachBlock(Rows x, Rows centers, BlockConsumer consumer) {
    forEachBlock(
        x,
        centers,
        FitDistances.EXACT,
        (first, count, fitDistances, exactDistances) ->
            consumer.accept(first, count, exactDistances));
  }

  /**
   * Computes the distances of all rows of {@code x} to all {@code centers}, block by block, both
   * exact and as {@code mode} defines them for the variance fit.
   *
   * <p>In {@link FitDistances#FLOAT32} mode the fit's distance is the single-precision expansion
   * {@code max(0, (|x|^2 + |g|^2) + (-2 x.g))}: squared norms summed in float by {@link
   * FloatSums#pairwiseSquares}, the cross term from the same float32 GEMM as the exact distances,
   * and each addition rounded to float. An exact copy then gets the expansion's rounding residue,
   * positive, zero or clamped from negative, as single-precision implementations compute it.
   */
  static void forEachBlock(Rows x, Rows centers, FitDistances mode, FitBlockConsumer consumer) {
    int components = centers.rows();
    int dimension = x.dimension();
    double[] rowNorms = x.squaredNorms();
    double[] centerNorms = centers.squaredNorms();
    boolean single = mode == FitDistances.FLOAT32;
    float[] rowNormsFloat = single ? x.squaredNormsFloat() : null;
    float[] centerNormsFloat = single ? centers.squaredNormsFloat() : null;
    int blockRows = Math.min(BLOCK_ROWS, x.rows());
    int blockLength = blockRows * components;
    float[] block = new float[blockLength];
    float[] fitBlock = single ? new float[blockLength] : block;

    // JavaCPP copies a whole heap array on every BLAS call, so the centers are copied to native
    // memory once and each block of rows on its own, instead of the full matrices per block.
    FloatBuffer nativeCenters = Blas.allocateDirect(components * dimension);
    nativeCenters.put(centers.data(), 0, components * dimension);
    FloatBuffer nativeRows = Blas.allocateDirect(blockRows * dimension);
    FloatBuffer nativeBlock = Blas.allocateDirect(blockLength);

    for (int first = 0; first < x.rows(); first += BLOCK_ROWS) {
      int count = Math.min(BLOCK_ROWS, x.rows() - first);
      nativeRows.clear();
      nativeRows.put(x.data(), first * dimension, count * dimension);
      Blas.sgemmTransposedB(
          count, components, dimension, -2f, nativeRows, 0, nativeCenters, 0, 0f, nativeBlock);
      nativeBlock.clear();
      nativeBlock.get(block, 0, count * components);
      int blockFirst = first;
      IntStream.range(0, count)
          .parallel()
          .forEach(
              r -> {
                int row = blockFirst + r;
                if (single) {
                  expandRowFloat(
                      block,
                      fitBlock,
                      r * components,
                      components,
                      rowNormsFloat[row],
                      centerNormsFloat);
                }
                expandRow(x, row, centers, block, r, rowNorms[row], centerNorms);
              });
      consumer.accept(first, count, fitBlock, block);
    }
  }

  /**
   * Writes {@code max(0, (rowNorm + centerNorm_j) + crossTerm_j)} in float arithmetic, where the
   * cross term {@code -2 x.g_j} is read from {@code block}.
   */
  private static void expandRowFloat(
      float[] block,
      float[] fitBlock,
      int offset,
      int components,
      float rowNorm,
      float[] centerNorms) {
    for (int j = 0; j < components; j++) {
      float distance = (rowNorm + centerNorms[j]) + block[offset + j];
      fitBlock[offset + j] = Math.max(0f, distance);
    }
  }

  private static void expandRow(
      Rows x,
      int row,
      Rows centers,
      float[] block,
      int blockRow,
      double rowNorm,
      double[] centerNorms) {
    int components = centers.rows();
    int offset = blockRow * components;
    for (int j = 0; j < components; j++) {
      double scale = rowNorm + centerNorms[j];
      double distance = scale + block[offset + j];
      if (distance < REFINE_RATIO * scale) {
        distance = direct(x, row, centers, j);
      }
      block[offset + j] = (float) distance;
    }
  }

  /** Returns {@code |x_row - center|^2} summed in double from the differences. */
  static double direct(Rows x, int row, Rows centers, int center) {
    int dimension = x.dimension();
    float[] rows = x.data();
    float[] points = centers.data();
    int rowOffset = row * dimension;
    int centerOffset = center * dimension;
    double sum = 0;
    for (int c = 0; c < dimension; c++) {
      double difference = (double) rows[rowOffset + c] - points[centerOffset + c];
      sum += difference * difference;
    }
    return sum;
  }

  /** Returns {@code scale * |x_i - center|^2} for every row, in double. */
  static double[] toPoint(Rows x, double[] center, double scale) {
    int dimension = x.dimension();
    float[] data = x.data();
    double[] distances = new double[x.rows()];
    IntStream.range(0, x.rows())
        .parallel()
        .forEach(
            i -> {
              double sum = 0;
              int offset = i * dimension;
              for (int c = 0; c < dimension; c++) {
                double difference = data[offset + c] - center[c];
                sum += difference * difference;
              }
              distances[i] = scale * sum;
            });
    return distances;
  }
}
