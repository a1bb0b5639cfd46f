package io.fld.metrics.copying;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * K-means clustering in double precision: greedy k-means++ seeding, Lloyd iterations until no label
 * changes, and the lowest-inertia result of several restarts.
 */
public final class KMeans {
  /** Candidates per seeded centroid in greedy k-means++, before adding {@code ln(k)}. */
  static final int GREEDY_BASE_TRIALS = 2;

  private KMeans() {}

  /**
   * A clustering of rows into cells.
   *
   * @param clusters the number of cells
   * @param dimension the number of columns
   * @param centroids row-major {@code clusters x dimension} cell means
   * @param labels the cell of each clustered row
   * @param inertia the sum of squared distances of the rows to their centroids
   */
  public record Clustering(
      int clusters, int dimension, double[] centroids, int[] labels, double inertia) {

    /** Returns the cell of each row of the row-major {@code values}: its nearest centroid. */
    public int[] assign(double[] values, int rows) {
      int[] assigned = new int[rows];
      for (int row = 0; row < rows; row++) {
        assigned[row] = nearestCentroid(values, row, dimension, centroids, clusters);
      }
      return assigned;
    }
  }

  /**
   * Clusters the {@code rows x dimension} row-major {@code values} into {@code clusters} cells.
   *
   * @param restarts how many seedings are tried; the result with the lowest inertia is kept
   * @param maxIterations the most Lloyd iterations per restart
   * @throws IllegalArgumentException if there are fewer rows than clusters
   */
  public static Clustering fit(
      double[] values,
      int rows,
      int dimension,
      int clusters,
      int restarts,
      int maxIterations,
      SplittableRandom random) {
    if (rows < clusters) {
      throw new IllegalArgumentException(rows + " rows cannot form " + clusters + " clusters");
    }
    Clustering best = null;
    for (int restart = 0; restart < restarts; restart++) {
      double[] centroids = seed(values, rows, dimension, clusters, random);
      Clustering candidate = lloyd(values, rows, dimension, clusters, centroids, maxIterations);
      if (best == null || candidate.inertia() < best.inertia()) {
        best = candidate;
      }
    }
    return best;
  }

  /**
   * Seeds centroids by greedy k-means++: the first uniformly at random; each next one is the best,
   * by the resulting sum of squared distances to the nearest centroid, of {@code 2 + ln(k)}
   * candidates drawn with probability proportional to that squared distance. The extra candidates
   * make restarts land on low-inertia optima more often than plain k-means++.
   */
  private static double[] seed(
      double[] values, int rows, int dimension, int clusters, SplittableRandom random) {
    int trials = GREEDY_BASE_TRIALS + (int) Math.log(clusters);
    double[] centroids = new double[clusters * dimension];
    int first = random.nextInt(rows);
    System.arraycopy(values, first * dimension, centroids, 0, dimension);
    double[] nearest = distancesTo(values, rows, dimension, first);
    for (int cluster = 1; cluster < clusters; cluster++) {
      double total = sum(nearest);
      int chosen = -1;
      double chosenPotential = Double.POSITIVE_INFINITY;
      double[] chosenNearest = null;
      for (int trial = 0; trial < trials; trial++) {
        int candidate = sampleProportional(nearest, total, random);
        double[] candidateNearest = distancesTo(values, rows, dimension, candidate);
        double potential = 0;
        for (int row = 0; row < rows; row++) {
          candidateNearest[row] = Math.min(nearest[row], candidateNearest[row]);
          potential += candidateNearest[row];
        }
        if (potential < chosenPotential) {
          chosen = candidate;
          chosenPotential = potential;
          chosenNearest = candidateNearest;
        }
      }
      System.arraycopy(values, chosen * dimension, centroids, cluster * dimension, dimension);
      nearest = chosenNearest;
    }
    return centroids;
  }

  private static double[] distancesTo(double[] values, int rows, int dimension, int center) {
    double[] distances = new double[rows];
    for (int row = 0; row < rows; row++) {
      distances[row] =
          squaredDistance(values, row * dimension, values, center * dimension, dimension);
    }
    return distances;
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double value : values) {
      total += value;
    }
    return total;
  }

  private static int sampleProportional(double[] weights, double total, SplittableRandom random) {
    if (total <= 0) {
      // Every row coincides with a chosen centroid; any row will do.
      return random.nextInt(weights.length);
    }
    double target = random.nextDouble() * total;
    double cumulative = 0;
    for (int row = 0; row < weights.length; row++) {
      cumulative += weights[row];
      if (cumulative > target && weights[row] > 0) {
        return row;
      }
    }
    for (int row = weights.length - 1; row >= 0; row--) {
      if (weights[row] > 0) {
        return row;
      }
    }
    return weights.length - 1;
  }

  private static Clustering lloyd(
      double[] values,
      int rows,
      int dimension,
      int clusters,
      double[] centroids,
      int maxIterations) {
    int[] labels = new int[rows];
    Arrays.fill(labels, -1);
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      boolean changed = false;
      for (int row = 0; row < rows; row++) {
        int label = nearestCentroid(values, row, dimension, centroids, clusters);
        changed |= label != labels[row];
        labels[row] = label;
      }
      if (!changed) {
        break;
      }
      updateCentroids(values, rows, dimension, clusters, labels, centroids);
    }
    return new Clustering(
        clusters, dimension, centroids, labels, inertia(values, dimension, centroids, labels));
  }

  private static void updateCentroids(
      double[] values, int rows, int dimension, int clusters, int[] labels, double[] centroids) {
    double[] sums = new double[clusters * dimension];
    int[] counts = new int[clusters];
    for (int row = 0; row < rows; row++) {
      int offset = labels[row] * dimension;
      counts[labels[row]]++;
      for (int column = 0; column < dimension; column++) {
        sums[offset + column] += values[row * dimension + column];
      }
    }
    for (int cluster = 0; cluster < clusters; cluster++) {
      if (counts[cluster] == 0) {
        // An empty cell restarts at the row farthest from its centroid.
        int farthest = farthestRow(values, rows, dimension, centroids, labels);
        System.arraycopy(values, farthest * dimension, centroids, cluster * dimension, dimension);
        labels[farthest] = cluster;
        continue;
      }
      for (int column = 0; column < dimension; column++) {
        centroids[cluster * dimension + column] =
            sums[cluster * dimension + column] / counts[cluster];
      }
    }
  }

  private static int farthestRow(
      double[] values, int rows, int dimension, double[] centroids, int[] labels) {
    int farthest = 0;
    double largest = -1;
    for (int row = 0; row < rows; row++) {
      double distance =
          squaredDistance(values, row * dimension, centroids, labels[row] * dimension, dimension);
      if (distance > largest) {
        largest = distance;
        farthest = row;
      }
    }
    return farthest;
  }

  private static double inertia(double[] values, int dimension, double[] centroids, int[] labels) {
    double sum = 0;
    for (int row = 0; row < labels.length; row++) {
      sum +=
          squaredDistance(values, row * dimension, centroids, labels[row] * dimension, dimension);
    }
    return sum;
  }

  private static int nearestCentroid(
      double[] values, int row, int dimension, double[] centroids, int clusters) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int cluster = 0; cluster < clusters; cluster++) {
      double distance =
          squaredDistance(values, row * dimension, centroids, cluster * dimension, dimension);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = cluster;
      }
    }
    return best;
  }

  private static double squaredDistance(
      double[] a, int aOffset, double[] b, int bOffset, int dimension) {
    double sum = 0;
    for (int column = 0; column < dimension; column++) {
      double difference = a[aOffset + column] - b[bOffset + column];
      sum += difference * difference;
    }
    return sum;
  }
}
