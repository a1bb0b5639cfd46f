package io.fld.metrics.frechet;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.OptionSpec;
import io.fld.api.metric.Role;
import io.fld.core.linalg.Moments;
import io.fld.metrics.support.Inputs;
import io.fld.metrics.support.Provider;
import io.fld.metrics.support.ResultBuilder;
import io.fld.metrics.support.RowSampling;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * FID: the Fréchet distance between Gaussians fitted to the generated features and to a reference
 * set, the training set for {@code fid} and the test set for {@code fid_test}. Means and
 * covariances are computed in double precision from rows centered on their mean.
 */
public final class FidMetric implements Metric {
  /** Option: the most generated rows used, drawn at random when there are more. */
  public static final String GEN_SIZE = "gen-size";

  /** Option: the reference rows used, drawn at random; 0 uses all of them. */
  public static final String REF_SIZE = "ref-size";

  static final int DEFAULT_GEN_SIZE = 50_000;
  private static final int ALL_ROWS = 0;
  private static final int MINIMUM_ROWS = 2;

  private static final List<OptionSpec> OPTIONS =
      List.of(
          new OptionSpec(
              GEN_SIZE,
              "int",
              String.valueOf(DEFAULT_GEN_SIZE),
              "most generated rows used; a random subset is drawn when there are more"),
          new OptionSpec(
              REF_SIZE,
              "int",
              String.valueOf(ALL_ROWS),
              "reference rows used, drawn at random; 0 uses all rows"));

  private final String id;
  private final Role reference;
  private final int genSize;
  private final int refSize;
  private final long seed;

  private FidMetric(String id, Role reference, MetricOptions options) {
    this.id = id;
    this.reference = reference;
    this.genSize =
        Inputs.integerOption(
            id, options, GEN_SIZE, DEFAULT_GEN_SIZE, MINIMUM_ROWS, Integer.MAX_VALUE);
    this.refSize =
        Inputs.integerOption(id, options, REF_SIZE, ALL_ROWS, ALL_ROWS, Integer.MAX_VALUE);
    if (refSize == 1) {
      throw new InvalidInputException(
          "option " + REF_SIZE + " of metric " + id + " must be 0 or at least 2, got 1");
    }
    this.seed = options.seed();
  }

  /** Returns the provider of {@code fid}, which compares the generated set with {@code train}. */
  public static MetricProvider trainProvider() {
    return new Provider(
        "fid",
        "Fréchet distance between Gaussians fitted to the generated and the training features",
        OPTIONS,
        options -> new FidMetric("fid", Role.TRAIN, options));
  }

  /**
   * Returns the provider of {@code fid_test}, which compares the generated set with {@code test}.
   */
  public static MetricProvider testProvider() {
    return new Provider(
        "fid_test",
        "Fréchet distance between Gaussians fitted to the generated and the test features",
        OPTIONS,
        options -> new FidMetric("fid_test", Role.TEST, options));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Set<Role> requiredSets() {
    return EnumSet.of(reference, Role.GEN);
  }

  @Override
  public void checkInputs(FeatureSet train, FeatureSet test, FeatureSet gen) {
    FeatureSet referenceSet = Inputs.requireReferenceAndGen(id, reference, train, test, gen);
    String reason = "to estimate a covariance";
    Inputs.requireRows(reference, referenceSet, MINIMUM_ROWS, reason);
    Inputs.requireRows(Role.GEN, gen, MINIMUM_ROWS, reason);
  }

  @Override
  public MetricResult compute(FeatureSet train, FeatureSet test, FeatureSet gen) {
    checkInputs(train, test, gen);
    FeatureSet referenceSet = reference == Role.TRAIN ? train : test;

    SplittableRandom random = new SplittableRandom(seed);
    FeatureSet genUsed = subset(gen, RowSampling.subsetOrAll(random, gen.rows(), genSize));
    int referenceLimit = refSize == ALL_ROWS ? referenceSet.rows() : refSize;
    FeatureSet referenceUsed =
        subset(referenceSet, RowSampling.subsetOrAll(random, referenceSet.rows(), referenceLimit));

    ResultBuilder result =
        new ResultBuilder(
                id,
                seed,
                Map.of(
                    GEN_SIZE,
                    String.valueOf(genSize),
                    REF_SIZE,
                    String.valueOf(refSize),
                    "reference",
                    reference.label()))
            .input(reference, referenceSet, referenceUsed.rows())
            .input(Role.GEN, gen, genUsed.rows());

    Moments referenceMoments = Moments.of(referenceUsed);
    Moments genMoments = Moments.of(genUsed);
    warnIfSingular(result, reference, referenceMoments);
    warnIfSingular(result, Role.GEN, genMoments);
    FrechetDistance.Result distance = FrechetDistance.between(referenceMoments, genMoments);
    result.warnAll(distance.warnings());
    return result.build(distance.value());
  }

  private static FeatureSet subset(FeatureSet set, int[] rows) {
    return rows == null ? set : set.select(rows);
  }

  private static void warnIfSingular(ResultBuilder result, Role role, Moments moments) {
    if (moments.rows() > moments.dimension()) {
      return;
    }
    result.warn(
        "the "
            + role.label()
            + " set has "
            + moments.rows()
            + " rows for "
            + moments.dimension()
            + " dimensions, so its covariance is singular (effective rank "
            + FrechetDistance.effectiveRank(moments)
            + "); FID is then biased, so use more rows than dimensions");
  }
}
