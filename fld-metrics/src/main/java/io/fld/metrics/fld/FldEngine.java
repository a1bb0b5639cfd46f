package io.fld.metrics.fld;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Role;
import io.fld.metrics.support.Inputs;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The computations shared by the FLD metrics and the per-sample scores: input checks,
 * standardization, fitting mixtures and scoring sets under them. Every random draw comes from one
 * {@link SplittableRandom} seeded by the caller, in a fixed order.
 */
final class FldEngine {
  private static final System.Logger LOG = System.getLogger(FldEngine.class.getName());

  private final FldSettings settings;
  private final Map<String, String> fitDetails = new LinkedHashMap<>();

  FldEngine(FldSettings settings) {
    this.settings = settings;
  }

  /**
   * The three sets after standardization by the test set.
   *
   * @param train the standardized training rows
   * @param test the standardized test rows
   * @param gen the standardized generated rows
   */
  record Standardized(Rows train, Rows test, Rows gen) {}

  /** A mixture with its centers and fitted log-variances. */
  record Mixture(Rows centers, double[] logVariances, DistanceCache cache) {}

  /** Returns what the fits did (distance mode, epochs run), for provenance. */
  Map<String, String> fitDetails() {
    return fitDetails;
  }

  /**
   * Checks the three sets and standardizes them by the mean and standard deviation of {@code test}.
   *
   * @throws InvalidInputException if a set is missing, the dimensions differ, train has fewer than
   *     2 rows, or a test column does not vary
   */
  static Standardized standardize(
      String metricId, FeatureSet train, FeatureSet test, FeatureSet gen) {
    checkPresentAndSized(metricId, train, test, gen);
    Standardizer standardizer = Standardizer.fitTo(test);
    return new Standardized(
        standardizer.apply(train), standardizer.apply(test), standardizer.apply(gen));
  }

  /**
   * Checks what {@link #standardize} checks, including the varying test columns, without
   * standardizing the sets.
   *
   * @throws InvalidInputException if {@link #standardize} would reject the sets
   */
  static void checkInputs(String metricId, FeatureSet train, FeatureSet test, FeatureSet gen) {
    checkPresentAndSized(metricId, train, test, gen);
    Standardizer.fitTo(test);
  }

  private static void checkPresentAndSized(
      String metricId, FeatureSet train, FeatureSet test, FeatureSet gen) {
    requirePresent(metricId, Role.TRAIN, train);
    requirePresent(metricId, Role.TEST, test);
    requirePresent(metricId, Role.GEN, gen);
    requireSameDimension(test, train, Role.TRAIN);
    requireSameDimension(test, gen, Role.GEN);
    if (train.rows() < 2) {
      throw new InvalidInputException(
          train.provenance().source()
              + ": "
              + metricId
              + " splits the training set in two and needs at least 2 training rows, got "
              + train.rows());
    }
  }

  static void requirePresent(String metricId, Role role, FeatureSet set) {
    if (set == null) {
      throw new InvalidInputException(Inputs.missing(metricId, role));
    }
  }

  static void requireSameDimension(FeatureSet test, FeatureSet other, Role role) {
    if (other.dimension() != test.dimension()) {
      throw new InvalidInputException(
          other.provenance().source()
              + ": the "
              + role.label()
              + " features have "
              + other.dimension()
              + " columns but the test features ("
              + test.provenance().source()
              + ") have "
              + test.dimension()
              + "; extract all sets with the same extractor");
    }
  }

  /**
   * Shuffles {@code data} with {@code random}, then fits a mixture centered at {@code centers} to
   * it. {@code label} names the fit in {@link #fitDetails()}.
   */
  Mixture fit(String label, Rows centers, Rows data, SplittableRandom random) {
    Rows shuffled = data.shuffled(random);
    DistanceCache cache =
        DistanceCache.build(
            shuffled,
            centers,
            settings.distanceCacheBytes(),
            settings.neighbors(),
            settings.fitDistances());
    MixtureFit.Result result = MixtureFit.fit(shuffled, centers, settings.fit(), cache);
    String mode = cache.dense() ? "dense" : "nearest " + cache.width() + " per row";
    fitDetails.put(label + "-distances", mode);
    fitDetails.put(label + "-epochs", String.valueOf(result.epochs()));
    LOG.log(
        System.Logger.Level.DEBUG,
        "{0} fit: {1} centers, {2} rows, distances {3}, {4} epochs",
        label,
        centers.rows(),
        data.rows(),
        mode,
        result.epochs());
    return new Mixture(centers, result.logVariances(), cache);
  }

  /** Returns the dimension-adjusted negative log-likelihood of {@code x} under {@code mixture}. */
  static double negativeLogLikelihood(Rows x, Mixture mixture) {
    return MixtureScorer.meanNegativeLogLikelihood(x, mixture.centers(), mixture.logVariances());
  }

  /**
   * Returns the baseline NLL of the FLD metrics: the test NLL under a mixture centered at {@code
   * min(components, n/2)} shuffled training rows and fitted to the remaining ones.
   */
  double baseline(Rows train, Rows test, int components, SplittableRandom random) {
    Rows shuffled = train.shuffled(random);
    int split = Math.min(components, train.rows() / 2);
    Rows centers = shuffled.range(0, split);
    Mixture mixture = fit("baseline", centers, shuffled.range(split, train.rows()), random);
    return negativeLogLikelihood(test, mixture);
  }

  /**
   * Returns the baseline NLL of FLD-P: {@code min(gen-size, n/2)} shuffled training rows scored
   * under a mixture centered at {@code testCenters} and fitted to the remaining training rows.
   */
  double precisionBaseline(Rows train, Rows testCenters, SplittableRandom random) {
    Rows shuffled = train.shuffled(random);
    int split = Math.min(settings.genSize(), train.rows() / 2);
    Mixture mixture = fit("baseline", testCenters, shuffled.range(split, train.rows()), random);
    return negativeLogLikelihood(shuffled.range(0, split), mixture);
  }
}
