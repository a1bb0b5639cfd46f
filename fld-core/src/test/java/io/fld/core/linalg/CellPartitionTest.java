package io.fld.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellPartitionTest {
  private static final int DIMENSION = 24;

  @Test
  void cellsCoverEveryRowOnce() {
    Points points = clusters(7, 900, 5.0, 1e3, 1);

    CellPartition cells = CellPartition.of(points);

    boolean[] seen = new boolean[points.rows()];
    for (int cell = 0; cell < cells.cellCount(); cell++) {
      int[] rows = cells.rowsOf(cell);
      assertTrue(rows.length <= CellPartition.CELL_ROWS, "cell " + cell + ": " + rows.length);
      for (int row : rows) {
        assertTrue(!seen[row], "row " + row + " in two cells");
        seen[row] = true;
      }
    }
    for (int row = 0; row < seen.length; row++) {
      assertTrue(seen[row], "row " + row + " in no cell");
    }
  }

  @Test
  void separatedClustersGetPureCells() {
    int perCluster = 700;
    Points points = clusters(8, perCluster, 50.0, 0, 2);

    CellPartition cells = CellPartition.of(points);

    for (int cell = 0; cell < cells.cellCount(); cell++) {
      Set<Integer> clusters = new HashSet<>();
      for (int row : cells.rowsOf(cell)) {
        clusters.add(row % 8);
      }
      assertEquals(1, clusters.size(), "cell " + cell + " mixes clusters " + clusters);
    }
  }

  @Test
  void smallFarGroupGetsCellsOfItsOwn() {
    // 40 rows around a point 1000 away from a cluster of 2000: far fewer than a sixteenth.
    int clusterRows = 2000;
    int rows = clusterRows + 40;
    Random random = new Random(5);
    double[] values = new double[rows * DIMENSION];
    for (int i = 0; i < values.length; i++) {
      double center = i < clusterRows * DIMENSION ? 0 : 1000;
      values[i] = center + random.nextGaussian();
    }

    CellPartition cells = CellPartition.of(Points.of(values, rows, DIMENSION));

    for (int cell = 0; cell < cells.cellCount(); cell++) {
      int[] members = cells.rowsOf(cell);
      boolean firstIsFar = members[0] >= clusterRows;
      for (int row : members) {
        assertEquals(firstIsFar, row >= clusterRows, "cell " + cell + " mixes groups at " + row);
      }
    }
  }

  @Test
  void radiiBoundEveryRow() {
    Points points = clusters(5, 800, 3.0, 1e4, 3);

    CellPartition cells = CellPartition.of(points);

    for (int cell = 0; cell < cells.cellCount(); cell++) {
      float[] centroid = cells.centroid(cell);
      for (int row : cells.rowsOf(cell)) {
        double exact = Math.sqrt(squaredDistance(points, row, centroid));
        assertTrue(exact <= cells.distanceToCentroid(row), "row " + row);
        assertTrue(cells.distanceToCentroid(row) <= cells.radius(cell), "row " + row);
        assertTrue(cells.distanceToCentroid(row) <= exact * 1.001 + 1e-3, "row " + row);
      }
    }
  }

  @Test
  void lowerBoundsNeverExceedDistance() {
    Points points = clusters(4, 600, 4.0, 1e4, 4);
    CellPartition cells = CellPartition.of(points);
    int[] rows = new int[300];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i * 7;
    }
    int cellCount = cells.cellCount();

    for (float[] origin : new float[][] {new float[DIMENSION], cells.centroid(cellCount - 1)}) {
      Points tile =
          points.gatherShifted(rows, origin, Blas.allocateDirect(rows.length * DIMENSION));
      double[] lower = new double[rows.length * cellCount];
      double[] centroidNorms = new double[cellCount];

      cells.lowerBoundsToCentroids(
          tile,
          origin,
          Blas.allocateDirect(cellCount * DIMENSION),
          Blas.allocateDirect(rows.length * cellCount),
          lower,
          centroidNorms,
          Points.screeningErrorScale(DIMENSION));

      for (int i = 0; i < rows.length; i++) {
        for (int cell = 0; cell < cellCount; cell++) {
          double exact = Math.sqrt(squaredDistance(points, rows[i], cells.centroid(cell)));
          double bound = lower[i * cellCount + cell];
          assertTrue(bound <= exact, "row " + rows[i] + ", cell " + cell);
          assertTrue(bound >= exact * 0.999 - 1e-2, "row " + rows[i] + ", cell " + cell);
        }
      }
    }
  }

  @Test
  void hugeNormsAreRejected() {
    double[] values = {3e15, 0, 0, 4e15};

    assertThrows(IllegalArgumentException.class, () -> CellPartition.of(Points.of(values, 2, 2)));
  }

  @Test
  void tinyNormsAreRejected() {
    double[] values = {3e-16, 0, 0, 4e-16};

    assertThrows(IllegalArgumentException.class, () -> CellPartition.of(Points.of(values, 2, 2)));
  }

  @Test
  void identicalRowsSplitIntoFullCells() {
    int rows = 3 * CellPartition.CELL_ROWS + 5;
    float[] values = new float[rows * DIMENSION];
    java.util.Arrays.fill(values, 2.5f);
    FeatureSet set = FeatureSet.wrap(values, rows, DIMENSION, FeatureProvenance.ofSource("same"));

    CellPartition cells = CellPartition.of(Points.centered(set, Moments.mean(set)));

    int total = 0;
    for (int cell = 0; cell < cells.cellCount(); cell++) {
      total += cells.rowsOf(cell).length;
      assertTrue(cells.rowsOf(cell).length > CellPartition.CELL_ROWS / 16);
      assertEquals(0.0, cells.radius(cell), 1e-6);
    }
    assertEquals(rows, total);
  }

  @Test
  void emptyPointsHaveNoCells() {
    CellPartition cells = CellPartition.of(Points.of(new double[0], 0, DIMENSION));

    assertEquals(0, cells.cellCount());
  }

  /**
   * Returns {@code count * perCluster} rows around {@code count} random centers whose coordinates
   * have standard deviation {@code spread}, with unit noise and a common {@code offset}; row {@code
   * i} belongs to cluster {@code i % count}. The points are centered on their mean.
   */
  static Points clusters(int count, int perCluster, double spread, double offset, long seed) {
    Random random = new Random(seed);
    double[][] centers = new double[count][DIMENSION];
    for (double[] center : centers) {
      for (int column = 0; column < DIMENSION; column++) {
        center[column] = offset + spread * random.nextGaussian();
      }
    }
    int rows = count * perCluster;
    float[] values = new float[rows * DIMENSION];
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < DIMENSION; column++) {
        values[row * DIMENSION + column] =
            (float) (centers[row % count][column] + random.nextGaussian());
      }
    }
    FeatureSet set = FeatureSet.wrap(values, rows, DIMENSION, FeatureProvenance.ofSource("blobs"));
    return Points.centered(set, Moments.mean(set));
  }

  private static double squaredDistance(Points points, int row, float[] centroid) {
    float[] values = new float[DIMENSION];
    points.values().get(row * DIMENSION, values);
    double sum = 0;
    for (int column = 0; column < DIMENSION; column++) {
      double difference = (double) values[column] - centroid[column];
      sum += difference * difference;
    }
    return sum;
  }
}
