package io.fld.metrics.support;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Uniform random choices of rows without replacement. */
public final class RowSampling {
  private RowSampling() {}

  /**
   * Returns {@code min(rows, limit)} distinct row indices in uniformly random order, drawn with a
   * partial Fisher-Yates shuffle; with {@code limit >= rows} this is a random permutation.
   */
  public static int[] shuffle(SplittableRandom random, int rows, int limit) {
    int count = Math.min(rows, limit);
    int[] indices = identity(rows);
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(rows - i);
      int swap = indices[i];
      indices[i] = indices[j];
      indices[j] = swap;
    }
    return Arrays.copyOf(indices, count);
  }

  /**
   * Returns {@code null}, meaning every row in its order, when {@code limit >= rows}, and otherwise
   * {@link #shuffle} of {@code limit} rows. For metrics whose value does not depend on the row
   * order, this spares copying a set that is used whole.
   */
  public static int[] subsetOrAll(SplittableRandom random, int rows, int limit) {
    return limit >= rows ? null : shuffle(random, rows, limit);
  }

  private static int[] identity(int rows) {
    int[] indices = new int[rows];
    for (int i = 0; i < rows; i++) {
      indices[i] = i;
    }
    return indices;
  }
}
