package io.fld.metrics.fld;

import java.util.stream.IntStream;

/**
 * Scores rows under a fitted mixture with equal weights and no origin component. Distances are
 * streamed block by block against all components, with an exact log-sum-exp per row, so memory does
 * not grow with rows times components.
 */
final class MixtureScorer {
  private MixtureScorer() {}

  /** Returns each row's log density under the mixture: {@code log sum_j N(x | g_j) / m}. */
  static double[] logDensities(Rows x, Rows centers, double[] logVariances) {
    int components = centers.rows();
    int dimension = x.dimension();
    double[] halfPrecision = new double[components];
    double[] normalizer = new double[components];
    double logComponents = Math.log(components);
    for (int j = 0; j < components; j++) {
      halfPrecision[j] = 0.5 * Math.exp(-logVariances[j]);
      normalizer[j] = -0.5 * dimension * logVariances[j] - dimension * MixtureFit.HALF_LOG_TWO_PI;
    }

    double[] densities = new double[x.rows()];
    SquaredDistances.forEachBlock(
        x,
        centers,
        (first, count, block) ->
            IntStream.range(0, count)
                .parallel()
                .forEach(
                    r -> {
                      double logSum =
                          logSumExp(block, r * components, components, halfPrecision, normalizer);
                      densities[first + r] = logSum - logComponents;
                    }));
    return densities;
  }

  /**
   * Returns the dimension-adjusted negative log-likelihood: the mean over rows of {@code -log
   * density / d}, summed in row order.
   */
  static double meanNegativeLogLikelihood(Rows x, Rows centers, double[] logVariances) {
    double[] densities = logDensities(x, centers, logVariances);
    double sum = 0;
    for (double density : densities) {
      sum += density;
    }
    return -sum / densities.length / x.dimension();
  }

  private static double logSumExp(
      float[] block, int offset, int components, double[] halfPrecision, double[] normalizer) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < components; j++) {
      max = Math.max(max, normalizer[j] - block[offset + j] * halfPrecision[j]);
    }
    double floor = max - MixtureFit.LOG_SUM_EXP_CUTOFF;
    double sum = 0;
    for (int j = 0; j < components; j++) {
      double term = normalizer[j] - block[offset + j] * halfPrecision[j];
      if (term > floor) {
        sum += Math.exp(term - max);
      }
    }
    return max + Math.log(sum);
  }
}
