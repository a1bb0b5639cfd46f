package io.fld.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentsTest {

  @Test
  void matchesTwoPassDefinitionWithLargeOffset() {
    int rows = 2500;
    int dimension = 4;
    Random random = new Random(11);
    float[] values = new float[rows * dimension];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (1e3 + random.nextGaussian() * (1 + i % dimension));
    }
    FeatureSet set = FeatureSet.wrap(values, rows, dimension, FeatureProvenance.ofSource("test"));

    Moments moments = Moments.of(set);

    double[] mean = new double[dimension];
    for (int i = 0; i < values.length; i++) {
      mean[i % dimension] += values[i] / (double) rows;
    }
    for (int a = 0; a < dimension; a++) {
      assertEquals(mean[a], moments.mean()[a], 1e-12 * Math.abs(mean[a]));
      for (int b = 0; b < dimension; b++) {
        double sum = 0;
        for (int row = 0; row < rows; row++) {
          sum += (values[row * dimension + a] - mean[a]) * (values[row * dimension + b] - mean[b]);
        }
        double expected = sum / (rows - 1);
        assertEquals(expected, moments.covariance()[a * dimension + b], 1e-9, "entry " + a + b);
      }
    }
  }

  @Test
  void rejectsSingleRow() {
    FeatureSet set = FeatureSet.of(new float[][] {{1, 2}}, "one row");

    assertThrows(IllegalArgumentException.class, () -> Moments.of(set));
  }
}
