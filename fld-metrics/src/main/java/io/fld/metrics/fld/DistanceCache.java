package io.fld.metrics.fld;

import io.fld.api.InvalidInputException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The squared distances from every training row to the mixture components that the fit needs.
 *
 * <p>In dense mode it contains all {@code rows x components} distances. When those do not fit the
 * memory budget it keeps, per row, only the distances to the {@code width} nearest components
 * (sparse mode). Dropping the far components changes the fit negligibly in high dimension: over all
 * variances, component j at squared distance D from x contributes at most {@code exp(-(d/2)(1 +
 * log(D/d))) (2 pi)^(-d/2)} to the density at x (the maximum over s of the component's log density
 * is reached at {@code exp(s) = D/d}), a bound that falls off as {@code D^(-d/2)}. With d = 768, a
 * component 10% farther than the K-th nearest is bounded by a factor 1.1^-384, about 1e-16, of what
 * the K-th nearest can reach, and the origin component, which the fit always keeps, sets a floor
 * under every row's log-sum-exp.
 *
 * <p>The kept distances are those the fit uses, exact or the single-precision expansion as {@link
 * FitDistances} selects; {@code nearest} is exact either way, for scores computed after the fit.
 *
 * @param rows the number of training rows
 * @param components the number of mixture components
 * @param width the distances kept per row: {@code components} in dense mode
 * @param distances the kept distances, {@code rows x width}, row-major
 * @param indices the component of each kept distance, or {@code null} in dense mode, where column k
 *     is component k
 * @param columnMinimum the smallest fit distance of each component to any row, over all rows in
 *     both modes
 * @param nearest the smallest exact distance of each component to any row; the same array as {@code
 *     columnMinimum} when the fit uses exact distances
 */
record DistanceCache(
    int rows,
    int components,
    int width,
    float[] distances,
    int[] indices,
    float[] columnMinimum,
    float[] nearest) {

  /** Rows per parallel task while building. */
  private static final int CHUNK_ROWS = 64;

  /** Returns whether the cache contains every distance. */
  boolean dense() {
    return indices == null;
  }

  /** Returns the component of kept distance {@code k} of row {@code row}. */
  int component(int row, int k) {
    return indices == null ? k : indices[row * width + k];
  }

  /**
   * Computes the distances of {@code x} to {@code centers}, dense when {@code rows * components}
   * floats fit in {@code budgetBytes}, else keeping the {@code neighbors} nearest per row. The kept
   * distances are computed as {@code mode} selects.
   */
  static DistanceCache build(
      Rows x, Rows centers, long budgetBytes, int neighbors, FitDistances mode) {
    int rows = x.rows();
    int components = centers.rows();
    boolean dense =
        (long) rows * components * Float.BYTES <= budgetBytes || neighbors >= components;
    int width = dense ? components : neighbors;
    if ((long) rows * width > Integer.MAX_VALUE) {
      throw new InvalidInputException(
          "FLD keeps the distances of each of the "
              + rows
              + " training rows to its "
              + width
              + " nearest centers, "
              + (long) rows * width
              + " values, more than one Java array holds ("
              + Integer.MAX_VALUE
              + "); lower the option neighbors to at most "
              + Integer.MAX_VALUE / rows
              + " or use fewer training rows");
    }
    float[] distances = new float[rows * width];
    int[] indices = dense ? null : new int[rows * width];
    int chunks = (SquaredDistances.BLOCK_ROWS + CHUNK_ROWS - 1) / CHUNK_ROWS;
    boolean separate = mode != FitDistances.EXACT;
    float[][] chunkMinimum = new float[chunks][components];
    float[][] chunkNearest = separate ? new float[chunks][components] : chunkMinimum;
    float[] columnMinimum = new float[components];
    Arrays.fill(columnMinimum, Float.POSITIVE_INFINITY);
    float[] nearest = separate ? new float[components] : columnMinimum;
    Arrays.fill(nearest, Float.POSITIVE_INFINITY);

    SquaredDistances.forEachBlock(
        x,
        centers,
        mode,
        (first, count, block, exact) -> {
          int blockChunks = (count + CHUNK_ROWS - 1) / CHUNK_ROWS;
          IntStream.range(0, blockChunks)
              .parallel()
              .forEach(
                  c -> {
                    float[] minimum = chunkMinimum[c];
                    float[] exactMinimum = chunkNearest[c];
                    Arrays.fill(minimum, Float.POSITIVE_INFINITY);
                    Arrays.fill(exactMinimum, Float.POSITIVE_INFINITY);
                    int end = Math.min(count, (c + 1) * CHUNK_ROWS);
                    for (int r = c * CHUNK_ROWS; r < end; r++) {
                      keepRow(block, r, first + r, components, width, distances, indices);
                      updateMinimum(block, r * components, components, minimum);
                      if (separate) {
                        updateMinimum(exact, r * components, components, exactMinimum);
                      }
                    }
                  });
          mergeMinimum(chunkMinimum, blockChunks, columnMinimum);
          if (separate) {
            mergeMinimum(chunkNearest, blockChunks, nearest);
          }
        });
    return new DistanceCache(rows, components, width, distances, indices, columnMinimum, nearest);
  }

  private static void mergeMinimum(float[][] chunkMinimum, int chunks, float[] minimum) {
    for (int c = 0; c < chunks; c++) {
      for (int j = 0; j < minimum.length; j++) {
        minimum[j] = Math.min(minimum[j], chunkMinimum[c][j]);
      }
    }
  }

  private static void updateMinimum(float[] block, int offset, int components, float[] minimum) {
    for (int j = 0; j < components; j++) {
      minimum[j] = Math.min(minimum[j], block[offset + j]);
    }
  }

  private static void keepRow(
      float[] block,
      int blockRow,
      int row,
      int components,
      int width,
      float[] distances,
      int[] indices) {
    int source = blockRow * components;
    int target = row * width;
    if (indices == null) {
      System.arraycopy(block, source, distances, target, components);
      return;
    }
    selectNearest(block, source, components, width, distances, indices, target);
  }

  /**
   * Keeps the {@code width} smallest of {@code components} values starting at {@code source} in a
   * max-heap stored at {@code target}; ties keep the lower component index.
   */
  static void selectNearest(
      float[] values,
      int source,
      int components,
      int width,
      float[] heapValues,
      int[] heapIndices,
      int target) {
    for (int k = 0; k < width; k++) {
      heapValues[target + k] = values[source + k];
      heapIndices[target + k] = k;
    }
    for (int k = width / 2 - 1; k >= 0; k--) {
      siftDown(heapValues, heapIndices, target, width, k);
    }
    for (int j = width; j < components; j++) {
      float value = values[source + j];
      if (value < heapValues[target]) {
        heapValues[target] = value;
        heapIndices[target] = j;
        siftDown(heapValues, heapIndices, target, width, 0);
      }
    }
  }

  private static void siftDown(float[] values, int[] indices, int base, int size, int start) {
    int parent = start;
    while (true) {
      int largest = parent;
      int left = 2 * parent + 1;
      int right = left + 1;
      if (left < size && isAbove(values, indices, base + left, base + largest)) {
        largest = left;
      }
      if (right < size && isAbove(values, indices, base + right, base + largest)) {
        largest = right;
      }
      if (largest == parent) {
        return;
      }
      swap(values, indices, base + parent, base + largest);
      parent = largest;
    }
  }

  /** Orders heap entries by value, then by component index, so that selection is deterministic. */
  private static boolean isAbove(float[] values, int[] indices, int a, int b) {
    return values[a] > values[b] || (values[a] == values[b] && indices[a] > indices[b]);
  }

  private static void swap(float[] values, int[] indices, int a, int b) {
    float value = values[a];
    values[a] = values[b];
    values[b] = value;
    int index = indices[a];
    indices[a] = indices[b];
    indices[b] = index;
  }
}
