package io.fld.cli;

import io.fld.api.feature.FeatureSet;

/**
 * The exact nearest row of a reference set in Euclidean distance, by brute force with double
 * accumulation.
 *
 * @param index the row of the nearest reference sample
 * @param distance its Euclidean distance
 */
record NearestNeighbour(int index, double distance) {

  /** Returns the row of {@code reference} nearest to {@code query}; the first row wins ties. */
  static NearestNeighbour find(float[] query, FeatureSet reference) {
    int dimension = reference.dimension();
    if (query.length != dimension) {
      throw new IllegalArgumentException(
          "query has " + query.length + " values but the reference rows have " + dimension);
    }
    float[] row = new float[dimension];
    int best = -1;
    double bestSquared = Double.POSITIVE_INFINITY;
    for (int i = 0; i < reference.rows(); i++) {
      reference.copyRow(i, row, 0);
      double squared = 0;
      for (int d = 0; d < dimension; d++) {
        double difference = (double) query[d] - row[d];
        squared += difference * difference;
      }
      if (squared < bestSquared) {
        bestSquared = squared;
        best = i;
      }
    }
    return new NearestNeighbour(best, Math.sqrt(bestSquared));
  }
}
