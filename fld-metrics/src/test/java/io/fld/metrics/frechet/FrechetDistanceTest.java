package io.fld.metrics.frechet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.core.linalg.Moments;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
  private static final double TOLERANCE = 1e-12;

  @Test
  void diagonalCovariancesMatchClosedForm() {
    Moments first = new Moments(10, 3, new double[] {0, 0, 0}, diagonal(1, 4, 9));
    Moments second = new Moments(10, 3, new double[] {1, 2, 0}, diagonal(4, 1, 0.25));

    FrechetDistance.Result result = FrechetDistance.between(first, second);

    // |mu1 - mu2|^2 = 5, sum (sqrt(a) - sqrt(b))^2 = 1 + 1 + 6.25.
    assertEquals(13.25, result.value(), TOLERANCE);
    assertTrue(result.warnings().isEmpty(), result.warnings().toString());
  }

  @Test
  void rotatedCommutingCovariancesMatchClosedForm() {
    double angle = Math.PI / 6;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double[] rotation = {cos, -sin, sin, cos};
    Moments first = new Moments(10, 2, new double[] {0, 0}, rotate(rotation, 2, 8));
    Moments second = new Moments(10, 2, new double[] {0, 3}, rotate(rotation, 0.5, 2));

    FrechetDistance.Result result = FrechetDistance.between(first, second);

    double expected =
        9 + Math.pow(Math.sqrt(2) - Math.sqrt(0.5), 2) + Math.pow(Math.sqrt(8) - Math.sqrt(2), 2);
    assertEquals(expected, result.value(), TOLERANCE);
  }

  @Test
  void singularCovarianceGivesClosedForm() {
    Moments first = new Moments(10, 2, new double[] {0, 0}, new double[] {1, 1, 1, 1});
    Moments second = new Moments(10, 2, new double[] {0, 0}, diagonal(1, 1));

    FrechetDistance.Result result = FrechetDistance.between(first, second);

    // S1 has eigenvalues 0 and 2: FID = 2 + 2 - 2 (sqrt(2) + 0) = 4 - 2 sqrt(2).
    assertEquals(4 - 2 * Math.sqrt(2), result.value(), 1e-7);
    assertTrue(result.value() >= 0);
  }

  private static double[] diagonal(double... values) {
    int n = values.length;
    double[] matrix = new double[n * n];
    for (int i = 0; i < n; i++) {
      matrix[i * n + i] = values[i];
    }
    return matrix;
  }

  /** Returns R diag(a, b) R^T for the 2 x 2 row-major rotation R. */
  private static double[] rotate(double[] r, double a, double b) {
    double[] result = new double[4];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        result[i * 2 + j] = r[i * 2] * a * r[j * 2] + r[i * 2 + 1] * b * r[j * 2 + 1];
      }
    }
    return result;
  }
}
