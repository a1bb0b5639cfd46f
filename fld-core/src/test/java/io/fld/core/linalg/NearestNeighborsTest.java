package io.fld.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Compares the tiled kernels with brute-force double-precision search. */
class NearestNeighborsTest {
  private static final int DIMENSION = 5;
  private static final double OFFSET = 1e4;

  @Test
  void nearestOthersMatchesBruteForceAcrossTiles() {
    Points points = points(randomSet(NearestNeighbors.TILE_ROWS + 300, 1, OFFSET));
    int count = 3;

    Neighbors neighbors = NearestNeighbors.nearestOthers(points, count);

    for (int row = 0; row < points.rows(); row++) {
      double[] expected = sortedDistances(points, row, points, true);
      for (int rank = 0; rank < count; rank++) {
        assertEquals(expected[rank], neighbors.squaredDistance(row, rank), 0.0, "row " + row);
        int index = neighbors.index(row, rank);
        assertEquals(
            expected[rank], points.exactSquaredDistance(row, points, index), 0.0, "row " + row);
      }
    }
  }

  @Test
  void nearestMatchesBruteForce() {
    Points queries = points(randomSet(200, 2, 0));
    Points references = points(randomSet(NearestNeighbors.TILE_ROWS + 50, 3, 0));

    Neighbors neighbors = NearestNeighbors.nearest(queries, references, 2);

    for (int row = 0; row < queries.rows(); row++) {
      double[] expected = sortedDistances(queries, row, references, false);
      assertEquals(expected[0], neighbors.squaredDistance(row, 0), 0.0);
      assertEquals(expected[1], neighbors.squaredDistance(row, 1), 0.0);
    }
  }

  @Test
  void duplicatesAreNeighboursAtDistanceZero() {
    FeatureSet set = randomSet(50, 4, 0);
    int[] doubled = new int[100];
    for (int i = 0; i < doubled.length; i++) {
      doubled[i] = i % 50;
    }
    Points points = Points.centered(set, doubled, new double[DIMENSION]);

    Neighbors neighbors = NearestNeighbors.nearestOthers(points, 1);

    for (int row = 0; row < points.rows(); row++) {
      assertEquals(0.0, neighbors.squaredDistance(row, 0), 0.0);
      assertEquals((row + 50) % 100, neighbors.index(row, 0));
    }
  }

  @Test
  void insideAnyBallMatchesBruteForceWithStrictRadius() {
    Points centers = points(randomSet(NearestNeighbors.TILE_ROWS + 10, 5, OFFSET));
    Points queries = points(randomSet(NearestNeighbors.TILE_ROWS + 20, 6, OFFSET));
    double[] radii = new double[centers.rows()];
    for (int j = 0; j < radii.length; j++) {
      radii[j] = sortedDistances(centers, j, centers, true)[2];
    }
    // Radius equal to an exact distance: "strictly inside" must exclude it.
    radii[0] = queries.exactSquaredDistance(0, centers, 0);

    boolean[] inside = NearestNeighbors.insideAnyBall(queries, centers, radii);

    boolean[] expected = new boolean[queries.rows()];
    for (int i = 0; i < queries.rows(); i++) {
      for (int j = 0; j < centers.rows() && !expected[i]; j++) {
        expected[i] = queries.exactSquaredDistance(i, centers, j) < radii[j];
      }
    }
    assertArrayEquals(expected, inside);
  }

  @Test
  void nearestOthersMatchesBruteForceOnClusters() {
    Points points = CellPartitionTest.clusters(6, 700, 6.0, 1e3, 21);
    int count = 3;

    Neighbors neighbors = NearestNeighbors.nearestOthers(points, count);

    assertNeighborsExact(points, points, neighbors, true);
  }

  @Test
  void manyNeighboursMatchBruteForce() {
    Points points = CellPartitionTest.clusters(3, 700, 4.0, 0, 22);
    int count = 400;

    Neighbors neighbors = NearestNeighbors.nearestOthers(points, count);

    assertNeighborsExact(points, points, neighbors, true);
  }

  @Test
  void nearestMatchesBruteForceOnClusters() {
    Points references = CellPartitionTest.clusters(5, 700, 6.0, 1e3, 23);
    Points queries = CellPartitionTest.clusters(5, 400, 6.0, 1e3, 23);

    Neighbors neighbors = NearestNeighbors.nearest(queries, references, 2);

    assertNeighborsExact(queries, references, neighbors, false);
  }

  @Test
  void insideAnyBallMatchesBruteForceOnClusters() {
    Points centers = CellPartitionTest.clusters(6, 600, 8.0, 0, 24);
    // Same centers, other noise, and every third row moved far from all clusters.
    Points near = CellPartitionTest.clusters(6, 400, 8.0, 0, 24);
    double[] shifted = new double[near.rows() * near.dimension()];
    for (int row = 0; row < near.rows(); row++) {
      for (int column = 0; column < near.dimension(); column++) {
        float[] value = new float[near.dimension()];
        near.values().get(row * near.dimension(), value);
        shifted[row * near.dimension() + column] = value[column] + (row % 3 == 0 ? 40 : 0);
      }
    }
    Points queries = Points.of(shifted, near.rows(), near.dimension());
    double[] radii = PrecisionRadii.of(centers);

    boolean[] inside = NearestNeighbors.insideAnyBall(queries, centers, radii);

    boolean[] expected = new boolean[queries.rows()];
    int insideCount = 0;
    for (int i = 0; i < queries.rows(); i++) {
      for (int j = 0; j < centers.rows() && !expected[i]; j++) {
        expected[i] = queries.exactSquaredDistance(i, centers, j) < radii[j];
      }
      insideCount += expected[i] ? 1 : 0;
    }
    assertArrayEquals(expected, inside);
    assertTrue(insideCount > 0, "no query inside a ball");
    assertTrue(insideCount < queries.rows(), "every query inside a ball");
  }

  @Test
  void tightClusterOffTheMeanKeepsExactRadii() {
    // 2000 rows within 1e-4 of a point, and 60 outliers 1e6 times as spread, which pull the mean
    // and the scale far from the cluster, as a metric would center and scale them.
    int clusterRows = 2000;
    int rows = clusterRows + 60;
    int dimension = 4;
    Random random = new Random(20);
    float[] values = new float[rows * dimension];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (1e-4 * random.nextGaussian());
    }
    Random outliers = new Random(21);
    for (int i = clusterRows * dimension; i < values.length; i++) {
      values[i] = (float) (100 * outliers.nextGaussian());
    }
    FeatureSet set = FeatureSet.wrap(values, rows, dimension, FeatureProvenance.ofSource("tight"));
    double[] origin = Moments.mean(set);
    Points points = Points.centered(set, null, origin, Points.commonScale(origin, set));

    Neighbors neighbors = NearestNeighbors.nearestOthers(points, 3);

    for (int row = 0; row < rows; row++) {
      double[] expected = sortedDistances(points, row, points, true);
      for (int rank = 0; rank < 3; rank++) {
        assertEquals(expected[rank], neighbors.squaredDistance(row, rank), 0.0, "row " + row);
      }
    }
  }

  @Test
  void tightClustersFarFromMeanKeepExactNeighbours() {
    // Two clusters of spread 1e-3 at +-1e4 put the mean, and so the tile origin, far from every
    // row: the single-precision screening error then exceeds the distances inside a cluster.
    int rows = 400;
    int dimension = 8;
    Random random = new Random(30);
    float[] values = new float[rows * dimension];
    for (int row = 0; row < rows; row++) {
      double side = row % 2 == 0 ? 1e4 : -1e4;
      for (int column = 0; column < dimension; column++) {
        values[row * dimension + column] = (float) (side + 1e-3 * random.nextGaussian());
      }
    }
    FeatureSet set = FeatureSet.wrap(values, rows, dimension, FeatureProvenance.ofSource("far"));
    double[] origin = Moments.mean(set);
    Points points = Points.centered(set, null, origin, Points.commonScale(origin, set));

    Neighbors neighbors = NearestNeighbors.nearestOthers(points, 4);

    assertNeighborsExact(points, points, neighbors, true);
  }

  @Test
  void copiedQueriesAreAtDistanceZero() {
    // References: a tight cluster and 40 outliers. Queries: copies of the outliers and of cluster
    // rows, so the query mean, and with it the tile origin, lies far from the cluster.
    int outliers = 40;
    int rows = 1500;
    int dimension = 64;
    Random random = new Random(31);
    float[] values = new float[rows * dimension];
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < dimension; column++) {
        double value =
            row < outliers ? 1e3 * random.nextGaussian() : 1e4 + 1e-3 * random.nextGaussian();
        values[row * dimension + column] = (float) value;
      }
    }
    FeatureSet references =
        FeatureSet.wrap(values, rows, dimension, FeatureProvenance.ofSource("cluster"));
    int[] copied = new int[200];
    for (int i = 0; i < copied.length; i++) {
      copied[i] = i < outliers ? i : outliers + 7 * i;
    }
    FeatureSet queries = references.select(copied);
    double[] origin = Moments.mean(references);
    double scale = Points.commonScale(origin, references, queries);
    Points referencePoints = Points.centered(references, null, origin, scale);
    Points queryPoints = Points.centered(queries, null, origin, scale);

    Neighbors neighbors = NearestNeighbors.nearest(queryPoints, referencePoints, 1);

    for (int i = 0; i < copied.length; i++) {
      assertEquals(0.0, neighbors.squaredDistance(i, 0), 0.0, "query " + i);
    }
  }

  @Test
  void nanRadiusContainsNothingAndHidesNoBall() {
    Points centers = points(randomSet(NearestNeighbors.TILE_ROWS + 76, 50, 0));
    int[] firstRows = new int[300];
    for (int i = 0; i < firstRows.length; i++) {
      firstRows[i] = i;
    }
    Points queries = centers.select(firstRows);
    double[] radii = new double[centers.rows()];
    Arrays.fill(radii, 1e-6);
    radii[500] = Double.NaN;

    boolean[] inside = NearestNeighbors.insideAnyBall(queries, centers, radii);

    for (int i = 0; i < inside.length; i++) {
      assertTrue(inside[i], "query " + i + " is a center with a positive radius");
    }
  }

  /** Squared distances to the third nearest other row, by brute force. */
  private static final class PrecisionRadii {
    static double[] of(Points points) {
      double[] radii = new double[points.rows()];
      for (int row = 0; row < radii.length; row++) {
        radii[row] = sortedDistances(points, row, points, true)[2];
      }
      return radii;
    }
  }

  private static void assertNeighborsExact(
      Points queries, Points references, Neighbors neighbors, boolean skipSelf) {
    for (int row = 0; row < queries.rows(); row++) {
      double[] expected = sortedDistances(queries, row, references, skipSelf);
      for (int rank = 0; rank < neighbors.count(); rank++) {
        assertEquals(
            expected[rank], neighbors.squaredDistance(row, rank), 0.0, "row " + row + " " + rank);
        int index = neighbors.index(row, rank);
        assertEquals(
            expected[rank],
            queries.exactSquaredDistance(row, references, index),
            0.0,
            "row " + row + " rank " + rank);
      }
    }
  }

  @Test
  void centeringRemovesLargeOffset() {
    FeatureSet near = randomSet(20, 7, 0);
    FeatureSet far = randomSet(20, 7, OFFSET);

    Points nearPoints = Points.centered(near, Moments.mean(near));
    Points farPoints = Points.centered(far, Moments.mean(far));

    double nearDistance = nearPoints.exactSquaredDistance(0, nearPoints, 1);
    double farDistance = farPoints.exactSquaredDistance(0, farPoints, 1);
    assertEquals(nearDistance, farDistance, 1e-3 * nearDistance);
  }

  private static Points points(FeatureSet set) {
    return Points.centered(set, Moments.mean(set));
  }

  private static double[] sortedDistances(
      Points queries, int row, Points references, boolean skipSelf) {
    double[] distances = new double[references.rows() - (skipSelf ? 1 : 0)];
    int next = 0;
    for (int j = 0; j < references.rows(); j++) {
      if (skipSelf && j == row) {
        continue;
      }
      distances[next++] = queries.exactSquaredDistance(row, references, j);
    }
    Arrays.sort(distances);
    return distances;
  }

  private static FeatureSet randomSet(int rows, long seed, double offset) {
    Random random = new Random(seed);
    float[] values = new float[rows * DIMENSION];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (offset + random.nextGaussian());
    }
    return FeatureSet.wrap(values, rows, DIMENSION, FeatureProvenance.ofSource("random"));
  }

  @Test
  void powerOfTwoScaleKeepsTheExponent() {
    assertEquals(0x1p64, Points.powerOfTwoScale(1.9e19), 0.0);
    assertEquals(0x1p-67, Points.powerOfTwoScale(7e-21), 0.0);
    assertEquals(1.0, Points.powerOfTwoScale(0), 0.0);
  }

  @Test
  void pointsOfDifferentScalesAreNotCompared() {
    double[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    Points unit = Points.of(values, 2, DIMENSION);
    Points halved = Points.of(values, 2, DIMENSION, 2);

    assertThrows(IllegalArgumentException.class, () -> NearestNeighbors.nearest(unit, halved, 1));
  }
}
