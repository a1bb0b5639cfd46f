package io.fld.metrics.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PolynomialMmdTest {

  @Test
  void matchesDirectSum() {
    int size = 12;
    int dimension = 3;
    Random random = new Random(5);
    float[] x = new float[size * dimension];
    float[] y = new float[size * dimension];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
      y[i] = (float) (0.5 + random.nextGaussian());
    }
    PolynomialMmd mmd = new PolynomialMmd(size, dimension);
    FloatBuffer first = mmd.allocateSample().put(0, x);
    FloatBuffer second = mmd.allocateSample().put(0, y);

    double value = mmd.unbiased(first, second, size);

    double withinX = 0;
    double withinY = 0;
    double across = 0;
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        across += kernel(x, i, y, j, dimension);
        if (i != j) {
          withinX += kernel(x, i, x, j, dimension);
          withinY += kernel(y, i, y, j, dimension);
        }
      }
    }
    double expected =
        (withinX + withinY) / (size * (size - 1.0)) - 2 * across / ((double) size * size);
    assertEquals(expected, value, 1e-6 * Math.abs(expected));
  }

  private static double kernel(float[] a, int i, float[] b, int j, int dimension) {
    double dot = 0;
    for (int k = 0; k < dimension; k++) {
      dot += (double) a[i * dimension + k] * b[j * dimension + k];
    }
    return Math.pow(dot / dimension + 1, 3);
  }
}
