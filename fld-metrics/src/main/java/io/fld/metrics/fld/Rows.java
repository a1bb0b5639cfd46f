package io.fld.metrics.fld;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A row-major float matrix of feature rows, as used inside the FLD computation after
 * standardization.
 *
 * @param data the values, row-major, {@code rows * dimension} long
 * @param rows the number of rows
 * @param dimension the number of columns
 */
record Rows(float[] data, int rows, int dimension) {

  Rows {
    Objects.requireNonNull(data, "data");
    if ((long) rows * dimension != data.length) {
      throw new IllegalArgumentException(
          "shape " + rows + " x " + dimension + " does not match " + data.length + " values");
    }
  }

  /** Returns the rows at {@code indices}, in that order. */
  Rows select(int[] indices) {
    float[] selected = new float[indices.length * dimension];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(data, indices[i] * dimension, selected, i * dimension, dimension);
    }
    return new Rows(selected, indices.length, dimension);
  }

  /** Returns rows {@code from} (inclusive) to {@code to} (exclusive). */
  Rows range(int from, int to) {
    float[] part = new float[(to - from) * dimension];
    System.arraycopy(data, from * dimension, part, 0, part.length);
    return new Rows(part, to - from, dimension);
  }

  /** Returns all rows in a uniformly random order drawn from {@code random}. */
  Rows shuffled(SplittableRandom random) {
    return select(permutation(rows, random));
  }

  /**
   * Returns {@code count} distinct rows chosen uniformly at random, in random order, or all rows in
   * their original order when {@code count} is at least the number of rows.
   */
  Rows subset(int count, SplittableRandom random) {
    if (count >= rows) {
      return this;
    }
    int[] order = permutation(rows, random);
    int[] chosen = new int[count];
    System.arraycopy(order, 0, chosen, 0, count);
    return select(chosen);
  }

  /** Returns a uniformly random permutation of {@code 0..size-1} (Fisher-Yates). */
  static int[] permutation(int size, SplittableRandom random) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** Returns the squared Euclidean norm of each row, accumulated in double. */
  double[] squaredNorms() {
    double[] norms = new double[rows];
    for (int i = 0; i < rows; i++) {
      double sum = 0;
      int offset = i * dimension;
      for (int c = 0; c < dimension; c++) {
        double value = data[offset + c];
        sum += value * value;
      }
      norms[i] = sum;
    }
    return norms;
  }

  /**
   * Returns the squared Euclidean norm of each row in single-precision arithmetic: each square and
   * each partial sum is rounded to float, in the order of {@link FloatSums#pairwiseSquares}.
   */
  float[] squaredNormsFloat() {
    float[] norms = new float[rows];
    for (int i = 0; i < rows; i++) {
      norms[i] = FloatSums.pairwiseSquares(data, i * dimension, dimension);
    }
    return norms;
  }

  /** Returns the mean of the rows, per column, in double. */
  double[] columnMeans() {
    double[] means = new double[dimension];
    for (int i = 0; i < rows; i++) {
      int offset = i * dimension;
      for (int c = 0; c < dimension; c++) {
        means[c] += data[offset + c];
      }
    }
    for (int c = 0; c < dimension; c++) {
      means[c] /= rows;
    }
    return means;
  }
}
