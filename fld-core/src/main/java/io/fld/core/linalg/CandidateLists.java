package io.fld.core.linalg;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Per query row, a bounded list of the reference rows with the smallest exact squared distances
 * offered so far, ordered by distance and then by reference index. Each list is a binary max-heap
 * in that order, so that replacing the last candidate costs {@code log(capacity)}, and ties at the
 * last kept distance keep the lowest indices whatever order the rows are offered in. Each row is
 * updated by one thread at a time.
 */
final class CandidateLists {
  private final int rows;
  private final int capacity;
  private final double[] distances;
  private final int[] indices;
  private final int[] sizes;
  private final double[] worst;

  CandidateLists(int rows, int capacity) {
    this.rows = rows;
    this.capacity = capacity;
    this.distances = new double[Math.multiplyExact(rows, capacity)];
    this.indices = new int[rows * capacity];
    this.sizes = new int[rows];
    this.worst = new double[rows];
    Arrays.fill(worst, Double.POSITIVE_INFINITY);
  }

  /** Returns the number of candidates each list keeps. */
  int capacity() {
    return capacity;
  }

  /**
   * Returns the distance a new candidate of {@code row} must be below to enter its list: the
   * largest kept distance once the list is full, infinity before.
   */
  double threshold(int row) {
    return worst[row];
  }

  /**
   * Tests whether a candidate would enter the list of {@code row}: whether the list has room, or
   * the candidate comes before its last one by distance and then by reference index.
   */
  boolean admits(int row, int reference, double squaredDistance) {
    if (sizes[row] < capacity) {
      return true;
    }
    double last = distances[row * capacity];
    return squaredDistance < last
        || (squaredDistance == last && reference < indices[row * capacity]);
  }

  /** Adds a candidate to {@code row}; callers first check that the list {@link #admits} it. */
  void offer(int row, int reference, double squaredDistance) {
    int base = row * capacity;
    int size = sizes[row];
    if (size < capacity) {
      siftUp(base, size, squaredDistance, reference);
      sizes[row] = size + 1;
      if (size + 1 == capacity) {
        worst[row] = distances[base];
      }
      return;
    }
    siftDown(base, squaredDistance, reference);
    worst[row] = distances[base];
  }

  /** Inserts a candidate at heap position {@code slot} and moves it up to its place. */
  private void siftUp(int base, int slot, double squaredDistance, int reference) {
    while (slot > 0) {
      int parent = (slot - 1) / 2;
      if (comesAfter(base + parent, squaredDistance, reference)) {
        break;
      }
      distances[base + slot] = distances[base + parent];
      indices[base + slot] = indices[base + parent];
      slot = parent;
    }
    distances[base + slot] = squaredDistance;
    indices[base + slot] = reference;
  }

  /** Replaces the heap's root, its farthest candidate, and moves the new one down to its place. */
  private void siftDown(int base, double squaredDistance, int reference) {
    int slot = 0;
    while (true) {
      int child = 2 * slot + 1;
      if (child >= capacity) {
        break;
      }
      if (child + 1 < capacity
          && comesAfter(base + child + 1, distances[base + child], indices[base + child])) {
        child++;
      }
      if (!comesAfter(base + child, squaredDistance, reference)) {
        break;
      }
      distances[base + slot] = distances[base + child];
      indices[base + slot] = indices[base + child];
      slot = child;
    }
    distances[base + slot] = squaredDistance;
    indices[base + slot] = reference;
  }

  /**
   * Tests whether the candidate at heap position {@code position} comes after a candidate with
   * {@code squaredDistance} and {@code reference}, by distance and then by reference index.
   */
  private boolean comesAfter(int position, double squaredDistance, int reference) {
    double distance = distances[position];
    return distance > squaredDistance
        || (distance == squaredDistance && indices[position] > reference);
  }

  /**
   * Recomputes each row's candidate distances with {@code exact}, and keeps the {@code count}
   * nearest, ordered by exact distance and then by reference index.
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
    double[] exactDistances = new double[size];
    Integer[] order = new Integer[size];
    for (int slot = 0; slot < size; slot++) {
      exactDistances[slot] = exact.squaredDistance(row, indices[base + slot]);
      order[slot] = slot;
    }
    // OpenJDK's object sort (TimSort) sorts fewer than 32 elements by binary insertion, so the
    // usual handful of candidates needs no separate path.
    Arrays.sort(order, (first, second) -> compare(base, first, second, exactDistances));

    for (int rank = 0; rank < count; rank++) {
      keptIndices[row * count + rank] = indices[base + order[rank]];
      keptDistances[row * count + rank] = exactDistances[order[rank]];
    }
  }

  /** Orders two slots of one list by exact distance, then by reference index. */
  private int compare(int base, int slot, int otherSlot, double[] exactDistances) {
    int byDistance = Double.compare(exactDistances[slot], exactDistances[otherSlot]);
    if (byDistance != 0) {
      return byDistance;
    }
    return Integer.compare(indices[base + slot], indices[base + otherSlot]);
  }

  /** The exact squared distance between a query row and a reference row. */
  @FunctionalInterface
  interface ExactDistance {
    double squaredDistance(int queryRow, int referenceRow);
  }
}
