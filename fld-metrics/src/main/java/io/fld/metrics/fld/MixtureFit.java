package io.fld.metrics.fld;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Fits the log-variances of an isotropic Gaussian mixture with fixed centers to data by Adam on the
 * dimension-adjusted negative log-likelihood, as FLD defines it.
 *
 * <p>The fit adds an "origin" component centered at the data mean, with squared distances scaled by
 * {@link #ORIGIN_DISTANCE_SCALE}, its own log-variance and log-weight 0, so that rows far from
 * every center do not drive the variances up. Each step's loss and gradient are sums over fixed
 * chunks of rows, combined in chunk order, so results do not depend on thread timing.
 */
final class MixtureFit {
  /** Factor on the squared distance to the data mean for the origin component. */
  static final double ORIGIN_DISTANCE_SCALE = 0.81;

  /** Added to each component's smallest squared distance before the initial log-variance. */
  static final double INITIAL_DISTANCE_OFFSET = 1e-3;

  /** Bounds that each component's log-variance is clamped to after every step. */
  static final double MIN_LOG_VARIANCE = -40;

  static final double MAX_LOG_VARIANCE = 40;

  /** Early stopping is checked from this epoch index on. */
  static final int EARLY_STOP_FIRST_EPOCH = 6;

  /** Early stopping compares an epoch's mean loss with this many previous epochs. */
  static final int EARLY_STOP_WINDOW = 4;

  /** Early stopping applies when the loss differs from each compared epoch by less than this. */
  static final double EARLY_STOP_TOLERANCE = 5e-4;

  /**
   * Terms of a log-sum-exp more than this below the largest are skipped: each is below e^-50 of the
   * sum, under double rounding for any realistic number of components.
   */
  static final double LOG_SUM_EXP_CUTOFF = 50;

  /** Rows per parallel task within a batch. */
  private static final int CHUNK_ROWS = 256;

  static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private MixtureFit() {}

  /**
   * Settings of the fit.
   *
   * @param learningRate the Adam learning rate
   * @param epochs the maximum number of passes over the data
   * @param batchSize the rows per Adam step
   */
  record Settings(double learningRate, int epochs, int batchSize) {}

  /**
   * A fitted mixture.
   *
   * @param logVariances the log-variance of each component
   * @param epochs the number of epochs run before stopping
   * @param cache the distances the fit used
   */
  record Result(double[] logVariances, int epochs, DistanceCache cache) {}

  /**
   * Fits the log-variances of components centered at {@code centers} to {@code data}, which the
   * caller has shuffled: batches are consecutive rows of it.
   */
  static Result fit(Rows data, Rows centers, Settings settings, DistanceCache cache) {
    int components = centers.rows();
    int dimension = data.dimension();
    double[] originDistances =
        SquaredDistances.toPoint(data, data.columnMeans(), ORIGIN_DISTANCE_SCALE);
    double[] parameters = initialParameters(cache, dimension);
    Adam adam = new Adam(components + 1, settings.learningRate());
    Step step = new Step(cache, originDistances, dimension, settings.batchSize());
    double[] epochLosses = new double[settings.epochs()];

    int epoch = 0;
    while (epoch < settings.epochs()) {
      double lossSum = 0;
      int batches = 0;
      for (int first = 0; first < data.rows(); first += settings.batchSize()) {
        int end = Math.min(data.rows(), first + settings.batchSize());
        lossSum += step.lossAndGradient(parameters, first, end);
        adam.step(parameters, step.gradient);
        clamp(parameters, components);
        batches++;
      }
      epochLosses[epoch] = lossSum / batches;
      epoch++;
      if (converged(epochLosses, epoch - 1)) {
        break;
      }
    }
    return new Result(Arrays.copyOf(parameters, components), epoch, cache);
  }

  private static double[] initialParameters(DistanceCache cache, int dimension) {
    int components = cache.components();
    double[] parameters = new double[components + 1];
    for (int j = 0; j < components; j++) {
      parameters[j] = Math.log((cache.columnMinimum()[j] + INITIAL_DISTANCE_OFFSET) / dimension);
    }
    parameters[components] = 0;
    return parameters;
  }

  private static void clamp(double[] parameters, int components) {
    for (int j = 0; j < components; j++) {
      parameters[j] = Math.min(MAX_LOG_VARIANCE, Math.max(MIN_LOG_VARIANCE, parameters[j]));
    }
  }

  static boolean converged(double[] losses, int epoch) {
    if (epoch < EARLY_STOP_FIRST_EPOCH) {
      return false;
    }
    for (int back = 1; back <= EARLY_STOP_WINDOW; back++) {
      if (Math.abs(losses[epoch] - losses[epoch - back]) >= EARLY_STOP_TOLERANCE) {
        return false;
      }
    }
    return true;
  }

  /** The loss and gradient of one batch, with per-chunk workspaces reused across steps. */
  private static final class Step {
    private final DistanceCache cache;
    private final double[] originDistances;
    private final int dimension;
    private final double[] gradient;
    private final double[][] chunkGradients;
    private final double[] chunkLosses;
    private final double[] halfPrecision;
    private final double[] logWeightedNormalizer;

    Step(DistanceCache cache, double[] originDistances, int dimension, int batchSize) {
      this.cache = cache;
      this.originDistances = originDistances;
      this.dimension = dimension;
      int parameters = cache.components() + 1;
      int chunks = (Math.min(batchSize, cache.rows()) + CHUNK_ROWS - 1) / CHUNK_ROWS;
      this.gradient = new double[parameters];
      this.chunkGradients = new double[chunks][parameters];
      this.chunkLosses = new double[chunks];
      this.halfPrecision = new double[parameters];
      this.logWeightedNormalizer = new double[parameters];
    }

    /** Fills {@link #gradient} for rows {@code first..end-1} and returns their mean loss. */
    double lossAndGradient(double[] parameters, int first, int end) {
      int components = cache.components();
      double logComponents = Math.log(components);
      for (int p = 0; p <= components; p++) {
        halfPrecision[p] = 0.5 * Math.exp(-parameters[p]);
        double logWeight = p < components ? -logComponents : 0;
        logWeightedNormalizer[p] =
            logWeight - 0.5 * dimension * parameters[p] - dimension * HALF_LOG_TWO_PI;
      }

      int rows = end - first;
      int chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
      IntStream.range(0, chunks)
          .parallel()
          .forEach(
              c ->
                  accumulateChunk(
                      c, first + c * CHUNK_ROWS, Math.min(end, first + (c + 1) * CHUNK_ROWS)));

      double scale = 1.0 / ((double) rows * dimension);
      double logLikelihood = 0;
      Arrays.fill(gradient, 0);
      for (int c = 0; c < chunks; c++) {
        logLikelihood += chunkLosses[c];
        double[] partial = chunkGradients[c];
        for (int p = 0; p <= components; p++) {
          gradient[p] += partial[p];
        }
      }
      for (int p = 0; p <= components; p++) {
        gradient[p] *= -scale;
      }
      return -logLikelihood * scale;
    }

    /** Adds the log-likelihood and its gradient over rows {@code first..end-1} to chunk slot c. */
    private void accumulateChunk(int c, int first, int end) {
      int width = cache.width();
      int origin = cache.components();
      double[] partial = chunkGradients[c];
      Arrays.fill(partial, 0);
      double[] terms = new double[width + 1];
      double logLikelihood = 0;
      float[] distances = cache.distances();

      for (int row = first; row < end; row++) {
        int offset = row * width;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < width; k++) {
          int j = cache.component(row, k);
          double term = logWeightedNormalizer[j] - distances[offset + k] * halfPrecision[j];
          terms[k] = term;
          max = Math.max(max, term);
        }
        double originTerm =
            logWeightedNormalizer[origin] - originDistances[row] * halfPrecision[origin];
        terms[width] = originTerm;
        max = Math.max(max, originTerm);

        double floor = max - LOG_SUM_EXP_CUTOFF;
        double sum = 0;
        for (int k = 0; k <= width; k++) {
          if (terms[k] > floor) {
            double weight = Math.exp(terms[k] - max);
            terms[k] = weight;
            sum += weight;
          } else {
            terms[k] = 0;
          }
        }
        logLikelihood += max + Math.log(sum);

        // d(log N_j)/d(s_j) = 0.5 D exp(-s_j) - d/2; weighted by the responsibility of j.
        double inverseSum = 1 / sum;
        for (int k = 0; k < width; k++) {
          if (terms[k] != 0) {
            int j = cache.component(row, k);
            double slope = distances[offset + k] * halfPrecision[j] - 0.5 * dimension;
            partial[j] += terms[k] * inverseSum * slope;
          }
        }
        if (terms[width] != 0) {
          double slope = originDistances[row] * halfPrecision[origin] - 0.5 * dimension;
          partial[origin] += terms[width] * inverseSum * slope;
        }
      }
      chunkLosses[c] = logLikelihood;
    }
  }
}
