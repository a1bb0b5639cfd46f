package io.fld.core.linalg;

/**
 * The nearest reference rows of each query row, nearest first, with their exact squared distances.
 *
 * @param rows the number of query rows
 * @param count the number of neighbours kept per query row
 * @param indices row-major {@code rows x count} reference row indices
 * @param squaredDistances row-major {@code rows x count} squared distances, ascending per row,
 *     computed in double precision from the differences
 */
public record Neighbors(int rows, int count, int[] indices, double[] squaredDistances) {

  /** Returns the index of the {@code rank}-th nearest reference row of {@code row}, from 0. */
  public int index(int row, int rank) {
    return indices[row * count + rank];
  }

  /** Returns the squared distance to the {@code rank}-th nearest reference row of {@code row}. */
  public double squaredDistance(int row, int rank) {
    return squaredDistances[row * count + rank];
  }

  /** Returns the squared distance of every row to its {@code rank}-th nearest reference row. */
  public double[] squaredDistancesAt(int rank) {
    double[] column = new double[rows];
    for (int row = 0; row < rows; row++) {
      column[row] = squaredDistance(row, rank);
    }
    return column;
  }
}
