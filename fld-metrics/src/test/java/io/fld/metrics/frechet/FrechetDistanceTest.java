package io.fld.metrics.frechet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.core.linalg.Blas;
import io.fld.core.linalg.Moments;
import java.util.ArrayList;
import java.util.Random;
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

  @Test
  void choleskyAndEigenvectorFormsAgree() {
    int d = 40;
    double[] first = randomCovariance(d, 60, 1);
    double[] second = randomCovariance(d, 60, 2);

    double[] byCholesky = FrechetDistance.similarByCholesky(first, second, d);
    double[] byEigenvectors =
        FrechetDistance.similarByEigenvectors(first, second, d, new ArrayList<>());

    assertNotNull(byCholesky);
    double[] choleskyEigenvalues = Blas.symmetricEigen(byCholesky, d, false);
    double[] eigenvectorEigenvalues = Blas.symmetricEigen(byEigenvectors, d, false);
    double largest = eigenvectorEigenvalues[d - 1];
    for (int i = 0; i < d; i++) {
      assertEquals(
          eigenvectorEigenvalues[i], choleskyEigenvalues[i], 1e-10 * largest, "eigenvalue " + i);
    }
  }

  @Test
  void singularFirstCovarianceSkipsCholesky() {
    double[] singular = {1, 1, 1, 1};

    assertNull(FrechetDistance.similarByCholesky(singular, diagonal(1, 1), 2));
  }

  @Test
  void fewerRowsThanDimensionsGiveFiniteDistance() {
    int d = 30;
    Moments first = new Moments(11, d, new double[d], randomCovariance(d, 10, 3));
    Moments second = new Moments(61, d, new double[d], randomCovariance(d, 60, 4));

    FrechetDistance.Result result = FrechetDistance.between(first, second);

    assertTrue(Double.isFinite(result.value()), "value " + result.value());
    assertTrue(result.value() > 0, "value " + result.value());
  }

  /** Returns the scatter matrix of {@code rows} standard normal rows divided by {@code rows}. */
  private static double[] randomCovariance(int d, int rows, long seed) {
    Random random = new Random(seed);
    double[] values = new double[rows * d];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextGaussian();
    }
    double[] covariance = new double[d * d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double sum = 0;
        for (int row = 0; row < rows; row++) {
          sum += values[row * d + i] * values[row * d + j];
        }
        covariance[i * d + j] = sum / rows;
      }
    }
    return covariance;
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
