package io.fld.core.linalg;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Per query row, a bounded list of the reference rows with the smallest approximate squared
 * distances seen so far. Each row is updated by one thread at a time.
 */
final class CandidateLists {
  private final int rows;
  private final int capacity;
  private final double[] distances;
  private final int[] indices;
  private final int[] sizes;
  private final double[] worst;
  private final int[] worstSlots;

  CandidateLists(int rows, int capacity) {
    this.rows = rows;
    this.capacity = capacity;
    this.distances = new double[Math.multiplyExact(rows, capacity)];
    this.indices = new int[rows * capacity];
    this.sizes = new int[rows];
    this.worst = new double[rows];
    this.worstSlots = new int[rows];
    Arrays.fill(worst, Double.POSITIVE_INFINITY);
  }

  /**
   * Returns the distance a new candidate of {@code row} must be below to enter its list: the
   * largest kept distance once the list is full, infinity before.
   */
  double threshold(int row) {
    return worst[row];
  }

  /** Adds a candidate to {@code row}; callers first check it is below {@link #threshold}. */
  void offer(int row, int reference, double squaredDistance) {
    int base = row * capacity;
    int size = sizes[row];
    if (size < capacity) {
      distances[base + size] = squaredDistance;
      indices[base + size] = reference;
      sizes[row] = size + 1;
      if (size + 1 == capacity) {
        updateWorst(row);
      }
      return;
    }
    int slot = worstSlots[row];
    distances[base + slot] = squaredDistance;
    indices[base + slot] = reference;
    updateWorst(row);
  }

  /**
   * Replaces each row's candidate distances by exact ones from {@code exact}, and keeps the {@code
   * count} nearest, ordered by exact distance and then by reference index.
   */
  Neighbors refine(int count, ExactDistance exact) {
    int[] keptIndices = new int[Math.multiplyExact(rows, count)];
    double[] keptDistances = new double[rows * count];
    IntStream.range(0, rows)
        .parallel()
        .forEach(row -> refineRow(row, count, exact, keptIndices, keptDistances));
    return new Neighbors(rows, count, keptIndices, keptDistances);
  }

  private void refineRow(
      int row, int count, ExactDistance exact, int[] keptIndices, double[] keptDistances) {
    int base = row * capacity;
    int size = sizes[row];
    if (size < count) {
      throw new IllegalStateException(
          "row " + row + " has " + size + " candidates, needs " + count);
    }
    int[] slots = new int[size];
    double[] exactDistances = new double[size];
    for (int slot = 0; slot < size; slot++) {
      exactDistances[slot] = exact.squaredDistance(row, indices[base + slot]);
      slots[slot] = slot;
    }

    // Insertion sort: the lists hold a handful of candidates.
    for (int i = 1; i < size; i++) {
      int slot = slots[i];
      int j = i - 1;
      while (j >= 0 && isBefore(base, slot, slots[j], exactDistances)) {
        slots[j + 1] = slots[j];
        j--;
      }
      slots[j + 1] = slot;
    }

    for (int rank = 0; rank < count; rank++) {
      keptIndices[row * count + rank] = indices[base + slots[rank]];
      keptDistances[row * count + rank] = exactDistances[slots[rank]];
    }
  }

  private boolean isBefore(int base, int slot, int otherSlot, double[] exactDistances) {
    int byDistance = Double.compare(exactDistances[slot], exactDistances[otherSlot]);
    if (byDistance != 0) {
      return byDistance < 0;
    }
    return indices[base + slot] < indices[base + otherSlot];
  }

  private void updateWorst(int row) {
    int base = row * capacity;
    int worstSlot = 0;
    for (int slot = 1; slot < capacity; slot++) {
      if (distances[base + slot] > distances[base + worstSlot]) {
        worstSlot = slot;
      }
    }
    worstSlots[row] = worstSlot;
    worst[row] = distances[base + worstSlot];
  }

  /** The exact squared distance between a query row and a reference row. */
  @FunctionalInterface
  interface ExactDistance {
    double squaredDistance(int queryRow, int referenceRow);
  }
}
