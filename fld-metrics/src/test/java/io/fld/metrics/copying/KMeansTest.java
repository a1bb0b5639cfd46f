package io.fld.metrics.copying;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {

  @Test
  void separatedBlobsFormTheirOwnCells() {
    int perBlob = 30;
    double[][] centers = {{0, 0}, {100, 0}, {0, 100}};
    Random random = new Random(3);
    double[] values = new double[3 * perBlob * 2];
    for (int row = 0; row < 3 * perBlob; row++) {
      double[] center = centers[row / perBlob];
      values[row * 2] = center[0] + random.nextGaussian();
      values[row * 2 + 1] = center[1] + random.nextGaussian();
    }

    KMeans.Clustering clustering =
        KMeans.fit(values, 3 * perBlob, 2, 3, 10, 300, new SplittableRandom(0));

    int[] labels = clustering.labels();
    for (int row = 0; row < 3 * perBlob; row++) {
      int firstOfBlob = (row / perBlob) * perBlob;
      assertEquals(labels[firstOfBlob], labels[row], "row " + row);
    }
    assertEquals(3, java.util.Arrays.stream(labels).distinct().count());
    int[] assigned = clustering.assign(new double[] {99, 1, 1, 99}, 2);
    assertEquals(labels[perBlob], assigned[0]);
    assertEquals(labels[2 * perBlob], assigned[1]);
  }
}
