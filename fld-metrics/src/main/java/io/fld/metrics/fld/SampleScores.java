package io.fld.metrics.fld;

import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.OptionSpec;
import io.fld.api.metric.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Per-sample scores of generated samples, one per generated row in input order, computed in the FLD
 * setting: all sets standardized by the test set and mixtures of isotropic Gaussians fitted to the
 * training set.
 *
 * <p>Options are those of {@link #memorizationOptions()} and {@link #qualityOptions()}; random
 * draws come from {@link MetricOptions#seed()}.
 */
public final class SampleScores {
  private static final String MEMORIZATION = "memorization";
  private static final String QUALITY = "quality";

  /** The words before a score kind's name in option messages. */
  private static final String SCORE_KIND = "score kind ";

  private SampleScores() {}

  /** Returns the documented options of {@link #memorization}. */
  public static List<OptionSpec> memorizationOptions() {
    return FldSettings.FIT_SPECS;
  }

  /** Returns the documented options of {@link #quality}. */
  public static List<OptionSpec> qualityOptions() {
    List<OptionSpec> specs = new ArrayList<>();
    specs.add(FldSettings.TEST_SIZE_SPEC);
    specs.addAll(FldSettings.FIT_SPECS);
    return List.copyOf(specs);
  }

  /**
   * Computes the memorization score of every generated row: with the mixture centered at all
   * generated rows fitted to the training set, {@code max_i log N(train_i | g_j, exp(s_j) I) / d}.
   * Higher means more likely memorized; an exact copy of a training row scores {@code -s_j / 2 -
   * log(2 pi) / 2}, set by how far the fit shrank its variance.
   *
   * @throws io.fld.api.InvalidInputException if a set is missing, the dimensions differ, an option
   *     is invalid, or a test column does not vary
   */
  public static double[] memorization(
      FeatureSet train, FeatureSet test, FeatureSet gen, MetricOptions options) {
    FldSettings settings =
        FldSettings.parse(SCORE_KIND + MEMORIZATION, options, memorizationOptions());
    FldEngine.Standardized sets = FldEngine.standardize(MEMORIZATION, train, test, gen);
    SplittableRandom random = new SplittableRandom(settings.seed());
    FldEngine.Mixture mixture =
        new FldEngine(settings).fit("model", sets.gen(), sets.train(), random);

    // The log density decreases with the distance for a fixed variance, so each component's
    // maximum over the training rows is reached at its nearest training row, at the exact distance
    // whatever distances the fit saw.
    int dimension = sets.gen().dimension();
    float[] nearest = mixture.cache().nearest();
    double[] logVariances = mixture.logVariances();
    double[] scores = new double[nearest.length];
    for (int j = 0; j < scores.length; j++) {
      double logDensity =
          -0.5 * nearest[j] * Math.exp(-logVariances[j])
              - 0.5 * dimension * logVariances[j]
              - dimension * MixtureFit.HALF_LOG_TWO_PI;
      scores[j] = logDensity / dimension;
    }
    return scores;
  }

  /**
   * Computes the quality score of every generated row: with a mixture centered at the test rows (a
   * random subset of test-size rows when there are more) fitted to the training set, {@code (log
   * sum_k N(gen_j | test_k, exp(s_k) I) - log t) / d}. Higher means more likely under the real
   * data.
   *
   * @throws io.fld.api.InvalidInputException if a set is missing, the dimensions differ, an option
   *     is invalid, or a test column does not vary
   */
  public static double[] quality(
      FeatureSet train, FeatureSet test, FeatureSet gen, MetricOptions options) {
    return qualityModel(train, test, options).scores(gen);
  }

  /**
   * Fits the real-data mixture of {@link #quality} once, to score several generated sets against
   * the same training and test sets.
   *
   * @throws io.fld.api.InvalidInputException if a set is missing, the dimensions differ, an option
   *     is invalid, or a test column does not vary
   */
  public static QualityModel qualityModel(
      FeatureSet train, FeatureSet test, MetricOptions options) {
    FldSettings settings = FldSettings.parse(SCORE_KIND + QUALITY, options, qualityOptions());
    FldEngine.requirePresent(QUALITY, Role.TRAIN, train);
    FldEngine.requirePresent(QUALITY, Role.TEST, test);
    FldEngine.requireSameDimension(test, train, Role.TRAIN);
    Standardizer standardizer = Standardizer.fitTo(test);
    SplittableRandom random = new SplittableRandom(settings.seed());
    Rows centers = standardizer.apply(test).subset(settings.testSize(), random);
    FldEngine.Mixture mixture =
        new FldEngine(settings).fit("quality", centers, standardizer.apply(train), random);
    return new QualityModel(test, standardizer, mixture);
  }

  /** A mixture centered at test rows and fitted to training rows, which scores generated rows. */
  public static final class QualityModel {
    private final FeatureSet test;
    private final Standardizer standardizer;
    private final FldEngine.Mixture mixture;

    private QualityModel(FeatureSet test, Standardizer standardizer, FldEngine.Mixture mixture) {
      this.test = test;
      this.standardizer = standardizer;
      this.mixture = mixture;
    }

    /**
     * Returns the quality score of every row of {@code gen}, in row order.
     *
     * @throws io.fld.api.InvalidInputException if {@code gen} is missing or its dimension differs
     */
    public double[] scores(FeatureSet gen) {
      FldEngine.requirePresent(QUALITY, Role.GEN, gen);
      FldEngine.requireSameDimension(test, gen, Role.GEN);
      double[] logDensities =
          MixtureScorer.logDensities(
              standardizer.apply(gen), mixture.centers(), mixture.logVariances());
      int dimension = gen.dimension();
      for (int j = 0; j < logDensities.length; j++) {
        logDensities[j] /= dimension;
      }
      return logDensities;
    }
  }
}
