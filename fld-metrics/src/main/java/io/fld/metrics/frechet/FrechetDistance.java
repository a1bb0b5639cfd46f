package io.fld.metrics.frechet;

import io.fld.core.linalg.Blas;
import io.fld.core.linalg.Moments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The squared Fréchet (2-Wasserstein) distance between the Gaussians {@code N(mu1, S1)} and {@code
 * N(mu2, S2)}: {@code |mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr((S1 S2)^(1/2))}.
 *
 * <p>The trace of the matrix square root is the sum of the square roots of the eigenvalues of
 * {@code S1 S2}. No general (non-symmetric) matrix square root is taken: a symmetric positive
 * semi-definite matrix with those eigenvalues is formed and only its eigenvalues are computed. When
 * {@code S1} is positive definite, with Cholesky factor {@code S1 = C C^T}, that matrix is {@code
 * C^T S2 C}. Otherwise, with the eigendecomposition {@code S1 = V L V^T}, it is {@code L^(1/2) V^T
 * S2 V L^(1/2)}, which costs about three times as much but tolerates a singular {@code S1}. Both
 * are similar to {@code S1^(1/2) S2 S1^(1/2)}.
 */
public final class FrechetDistance {
  /**
   * A negative distance whose magnitude is at most this share of {@code tr(S1) + tr(S2) + |mu1 -
   * mu2|^2} is rounding of a distance that is zero, and becomes 0 without a warning.
   */
  static final double ROUNDING_TOLERANCE = 1e-9;

  /**
   * Eigenvalues of a covariance above this share of its largest one count towards its effective
   * rank.
   */
  static final double RANK_TOLERANCE = 1e-10;

  private FrechetDistance() {}

  /**
   * The distance with the conditions met on the way.
   *
   * @param value the squared Fréchet distance, never negative
   * @param warnings clamped eigenvalues or a clamped negative result, each with its cause
   */
  public record Result(double value, List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Computes the distance between the Gaussians of {@code first} and {@code second}.
   *
   * @throws IllegalArgumentException if the dimensions differ
   */
  public static Result between(Moments first, Moments second) {
    int d = first.dimension();
    if (second.dimension() != d) {
      throw new IllegalArgumentException(
          "dimensions differ: " + first.dimension() + " and " + second.dimension());
    }
    List<String> warnings = new ArrayList<>();
    double meanTerm = squaredDistance(first.mean(), second.mean());
    double traceSum = first.trace() + second.trace();
    double traceOfRoot = traceOfSquareRoot(first.covariance(), second.covariance(), d, warnings);
    double value = meanTerm + traceSum - 2 * traceOfRoot;
    return new Result(clampNegative(value, meanTerm + traceSum, warnings), warnings);
  }

  /**
   * Returns the number of eigenvalues of the covariance of {@code moments} above {@link
   * #RANK_TOLERANCE} times the largest.
   */
  public static int effectiveRank(Moments moments) {
    int d = moments.dimension();
    double[] eigenvalues = Blas.symmetricEigen(moments.covariance().clone(), d, false);
    double largest = eigenvalues[d - 1];
    int rank = 0;
    for (double eigenvalue : eigenvalues) {
      if (eigenvalue > RANK_TOLERANCE * largest) {
        rank++;
      }
    }
    return rank;
  }

  private static double traceOfSquareRoot(
      double[] firstCovariance, double[] secondCovariance, int d, List<String> warnings) {
    double[] similar = similarByCholesky(firstCovariance, secondCovariance, d);
    if (similar == null) {
      similar = similarByEigenvectors(firstCovariance, secondCovariance, d, warnings);
    }
    double[] productEigenvalues = Blas.symmetricEigen(similar, d, false);
    clampNegativeEigenvalues(productEigenvalues, "S1^(1/2) S2 S1^(1/2)", warnings);
    double trace = 0;
    for (double eigenvalue : productEigenvalues) {
      trace += Math.sqrt(eigenvalue);
    }
    return trace;
  }

  /**
   * Returns {@code C^T S2 C} for the Cholesky factor {@code C} of {@code S1}, symmetrized, or null
   * when {@code S1} is not positive definite.
   */
  static double[] similarByCholesky(double[] firstCovariance, double[] secondCovariance, int d) {
    double[] factor = firstCovariance.clone();
    if (!Blas.cholesky(factor, d)) {
      return null;
    }
    double[] similar = secondCovariance.clone();
    Blas.congruenceByLower(factor, similar, d);
    symmetrize(similar, d);
    return similar;
  }

  /**
   * Returns {@code L^(1/2) V^T S2 V L^(1/2)} for the eigendecomposition {@code S1 = V L V^T},
   * symmetrized, with negative eigenvalues of {@code S1} clamped to 0.
   */
  static double[] similarByEigenvectors(
      double[] firstCovariance, double[] secondCovariance, int d, List<String> warnings) {
    double[] vectors = firstCovariance.clone();
    double[] eigenvalues = Blas.symmetricEigen(vectors, d, true);
    clampNegativeEigenvalues(eigenvalues, "the first covariance", warnings);

    // W = V^T S2 V, then scale row i and column j by sqrt(l_i) sqrt(l_j).
    double[] product = new double[d * d];
    Blas.dgemmTransposedA(d, d, d, 1.0, vectors, secondCovariance, 0.0, product);
    double[] similar = new double[d * d];
    Blas.dgemm(d, d, d, 1.0, product, vectors, 0.0, similar);
    double[] roots = new double[d];
    for (int i = 0; i < d; i++) {
      roots[i] = Math.sqrt(eigenvalues[i]);
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        similar[i * d + j] *= roots[i] * roots[j];
      }
    }
    symmetrize(similar, d);
    return similar;
  }

  /** Replaces the row-major {@code d x d} matrix by the mean of itself and its transpose. */
  private static void symmetrize(double[] matrix, int d) {
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        double mean = 0.5 * (matrix[i * d + j] + matrix[j * d + i]);
        matrix[i * d + j] = mean;
        matrix[j * d + i] = mean;
      }
    }
  }

  private static void clampNegativeEigenvalues(
      double[] eigenvalues, String matrix, List<String> warnings) {
    int negatives = 0;
    double mostNegative = 0;
    for (int i = 0; i < eigenvalues.length; i++) {
      if (eigenvalues[i] < 0) {
        negatives++;
        mostNegative = Math.min(mostNegative, eigenvalues[i]);
        eigenvalues[i] = 0;
      }
    }
    if (negatives > 0) {
      double largest = eigenvalues[eigenvalues.length - 1];
      warnings.add(
          String.format(
              Locale.ROOT,
              "clamped %d negative eigenvalues of %s to 0 (most negative %.3g, %.3g of the"
                  + " largest); they are rounding in a singular or nearly singular covariance,"
                  + " which sets with more rows than dimensions avoid",
              negatives,
              matrix,
              mostNegative,
              largest > 0 ? -mostNegative / largest : Double.NaN));
    }
  }

  private static double clampNegative(double value, double scale, List<String> warnings) {
    if (value >= 0) {
      return value;
    }
    if (-value > ROUNDING_TOLERANCE * scale) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "the computed FID %.6g was negative beyond rounding (scale %.6g) and was set to 0;"
                  + " the covariances are likely ill-conditioned, so use more rows",
              value,
              scale));
    }
    return 0;
  }

  private static double squaredDistance(double[] first, double[] second) {
    double sum = 0;
    for (int i = 0; i < first.length; i++) {
      double difference = first[i] - second[i];
      sum += difference * difference;
    }
    return sum;
  }
}
