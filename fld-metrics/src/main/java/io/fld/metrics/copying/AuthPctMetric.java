package io.fld.metrics.copying;

import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.OptionSpec;
import io.fld.api.metric.Role;
import io.fld.core.linalg.Moments;
import io.fld.core.linalg.NearestNeighbors;
import io.fld.core.linalg.Neighbors;
import io.fld.core.linalg.Points;
import io.fld.metrics.support.Inputs;
import io.fld.metrics.support.Provider;
import io.fld.metrics.support.ResultBuilder;
import io.fld.metrics.support.RowSampling;
import io.fld.metrics.support.Scales;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * AuthPct: the share of authentic generated rows, in percent, minus 50, so it lies in [-50, 50]. A
 * generated row is authentic when its nearest training row lies closer to its own nearest other
 * training row than to the generated row. Both sets are first cut to at most {@value #DEFAULT_SIZE}
 * random rows with the metric's seed.
 */
public final class AuthPctMetric implements Metric {
  /** Option: the most training rows used. */
  public static final String TRAIN_SIZE = "train-size";

  /** Option: the most generated rows used. */
  public static final String GEN_SIZE = "gen-size";

  static final int DEFAULT_SIZE = 10_000;
  private static final String ID = "authpct";
  private static final double PERCENT = 100;
  private static final double OFFSET = 50;

  private static final List<OptionSpec> OPTIONS =
      List.of(
          new OptionSpec(
              TRAIN_SIZE,
              "int",
              String.valueOf(DEFAULT_SIZE),
              "most training rows used; a random subset is drawn when there are more"),
          new OptionSpec(
              GEN_SIZE,
              "int",
              String.valueOf(DEFAULT_SIZE),
              "most generated rows used; a random subset is drawn when there are more"));

  private final int trainSize;
  private final int genSize;
  private final long seed;

  private AuthPctMetric(MetricOptions options) {
    int max = Integer.MAX_VALUE;
    this.trainSize = Inputs.integerOption(ID, options, TRAIN_SIZE, DEFAULT_SIZE, 2, max);
    this.genSize = Inputs.integerOption(ID, options, GEN_SIZE, DEFAULT_SIZE, 1, max);
    this.seed = options.seed();
  }

  /** Returns the provider of {@code authpct}. */
  public static MetricProvider provider() {
    return new Provider(
        ID,
        "percentage of generated rows that are no copies of training rows, minus 50",
        OPTIONS,
        AuthPctMetric::new);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Role> requiredSets() {
    return EnumSet.of(Role.TRAIN, Role.GEN);
  }

  @Override
  public void checkInputs(FeatureSet train, FeatureSet test, FeatureSet gen) {
    Inputs.require(ID, Role.TRAIN, train);
    Inputs.require(ID, Role.GEN, gen);
    Inputs.requireSameDimension(Role.TRAIN, train, Role.GEN, gen);
    Inputs.requireRows(Role.TRAIN, train, 2, "to find each row's nearest other row");
    Scales.requireComparable(Moments.mean(train), Map.of(Role.TRAIN, train, Role.GEN, gen));
  }

  @Override
  public MetricResult compute(FeatureSet train, FeatureSet test, FeatureSet gen) {
    checkInputs(train, test, gen);

    SplittableRandom random = new SplittableRandom(seed);
    int[] trainRows = RowSampling.subsetOrAll(random, train.rows(), trainSize);
    int[] genRows = RowSampling.subsetOrAll(random, gen.rows(), genSize);
    double[] origin = Moments.mean(train);
    double scale = Points.commonScale(origin, train, gen);
    Points trainPoints = Points.centered(train, trainRows, origin, scale);
    Points genPoints = Points.centered(gen, genRows, origin, scale);
    // The subsets may leave out the rows that set the scale, so they are checked again.
    Scales.requireComparable(
        Map.of(Role.TRAIN, trainPoints, Role.GEN, genPoints),
        Map.of(Role.TRAIN, train, Role.GEN, gen),
        "");

    double[] trainGaps = NearestNeighbors.nearestOthers(trainPoints, 1).squaredDistancesAt(0);
    Neighbors nearestTrain = NearestNeighbors.nearest(genPoints, trainPoints, 1);
    int authentic = 0;
    for (int row = 0; row < genPoints.rows(); row++) {
      if (trainGaps[nearestTrain.index(row, 0)] < nearestTrain.squaredDistance(row, 0)) {
        authentic++;
      }
    }

    double value = PERCENT * authentic / genPoints.rows() - OFFSET;
    return new ResultBuilder(
            ID,
            seed,
            Map.of(TRAIN_SIZE, String.valueOf(trainSize), GEN_SIZE, String.valueOf(genSize)))
        .input(Role.TRAIN, train, trainPoints.rows())
        .input(Role.GEN, gen, genPoints.rows())
        .build(value);
  }
}
