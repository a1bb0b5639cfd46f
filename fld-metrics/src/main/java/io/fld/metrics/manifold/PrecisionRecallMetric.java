package io.fld.metrics.manifold;

import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.OptionSpec;
import io.fld.api.metric.Role;
import io.fld.core.linalg.CellPartition;
import io.fld.core.linalg.Moments;
import io.fld.core.linalg.NearestNeighbors;
import io.fld.core.linalg.Points;
import io.fld.metrics.support.Inputs;
import io.fld.metrics.support.Provider;
import io.fld.metrics.support.ResultBuilder;
import io.fld.metrics.support.Scales;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Precision (the share of generated rows inside the manifold of the training rows) and recall (the
 * share of training rows inside the manifold of the generated rows). The radius of a manifold row
 * is its distance to its k-th nearest row of the same set, counting the row itself, so the default
 * {@code k = 4} reaches the third true neighbour. A row is inside when its distance to some
 * manifold row is strictly smaller than that row's radius. All rows are used and nothing is drawn
 * at random.
 *
 * <p>Distances are taken between rows centered on the training mean, which leaves the result
 * unchanged by a common shift of the features and keeps their digits.
 */
public final class PrecisionRecallMetric implements Metric {
  /** Option: the neighbour whose distance is the radius, counting the row itself. */
  public static final String NEIGHBORS = "k";

  static final int DEFAULT_NEIGHBORS = 4;

  /**
   * The maximum k, 25 times the default. The radii keep k - 1 neighbours of every manifold row, so
   * memory grows linearly with k.
   */
  static final int MAX_NEIGHBORS = 100;

  private static final List<OptionSpec> OPTIONS =
      List.of(
          new OptionSpec(
              NEIGHBORS,
              "int",
              String.valueOf(DEFAULT_NEIGHBORS),
              "the radius of a row reaches its k-th nearest row of the same set, counting itself;"
                  + " at most "
                  + MAX_NEIGHBORS));

  /** The share a metric reports, with the set that spans the manifold. */
  private enum Side {
    PRECISION("precision", Role.TRAIN, Role.GEN),
    RECALL("recall", Role.GEN, Role.TRAIN);

    final String id;
    final Role manifold;
    final Role queries;

    Side(String id, Role manifold, Role queries) {
      this.id = id;
      this.manifold = manifold;
      this.queries = queries;
    }
  }

  private final Side side;
  private final int neighbors;
  private final long seed;

  private PrecisionRecallMetric(Side side, MetricOptions options) {
    this.side = side;
    this.neighbors =
        Inputs.integerOption(side.id, options, NEIGHBORS, DEFAULT_NEIGHBORS, 1, MAX_NEIGHBORS);
    this.seed = options.seed();
  }

  /** Returns the provider of {@code precision}. */
  public static MetricProvider precisionProvider() {
    return new Provider(
        Side.PRECISION.id,
        "share of generated rows inside the k-nearest-neighbour manifold of the training rows",
        OPTIONS,
        options -> new PrecisionRecallMetric(Side.PRECISION, options));
  }

  /** Returns the provider of {@code recall}. */
  public static MetricProvider recallProvider() {
    return new Provider(
        Side.RECALL.id,
        "share of training rows inside the k-nearest-neighbour manifold of the generated rows",
        OPTIONS,
        options -> new PrecisionRecallMetric(Side.RECALL, options));
  }

  @Override
  public String id() {
    return side.id;
  }

  @Override
  public Set<Role> requiredSets() {
    return EnumSet.of(Role.TRAIN, Role.GEN);
  }

  @Override
  public void checkInputs(FeatureSet train, FeatureSet test, FeatureSet gen) {
    Inputs.require(side.id, Role.TRAIN, train);
    Inputs.require(side.id, Role.GEN, gen);
    Inputs.requireSameDimension(Role.TRAIN, train, Role.GEN, gen);
    Inputs.requireRows(
        side.manifold,
        side.manifold == Role.TRAIN ? train : gen,
        neighbors + 1,
        "for k = " + neighbors + " (the k-th nearest row counts the row itself)");
    Scales.requireComparable(Moments.mean(train), Map.of(Role.TRAIN, train, Role.GEN, gen));
  }

  @Override
  public MetricResult compute(FeatureSet train, FeatureSet test, FeatureSet gen) {
    checkInputs(train, test, gen);
    FeatureSet manifoldSet = side.manifold == Role.TRAIN ? train : gen;
    FeatureSet querySet = side.manifold == Role.TRAIN ? gen : train;

    double[] origin = Moments.mean(train);
    double scale = Points.commonScale(origin, manifoldSet, querySet);
    CellPartition manifold = CellPartition.of(Points.centered(manifoldSet, null, origin, scale));
    Points queries = Points.centered(querySet, null, origin, scale);
    boolean[] inside =
        NearestNeighbors.insideAnyBall(queries, manifold, squaredRadii(manifold, neighbors));

    int count = 0;
    for (boolean isInside : inside) {
      count += isInside ? 1 : 0;
    }
    return new ResultBuilder(side.id, seed, Map.of(NEIGHBORS, String.valueOf(neighbors)))
        .input(Role.TRAIN, train, train.rows())
        .input(Role.GEN, gen, gen.rows())
        .build((double) count / inside.length);
  }

  /**
   * Returns the squared radius of every row of {@code manifold}: the squared distance to its {@code
   * k}-th nearest row, the row itself being the first at distance 0.
   */
  public static double[] squaredRadii(Points manifold, int k) {
    return squaredRadii(CellPartition.of(manifold), k);
  }

  private static double[] squaredRadii(CellPartition manifold, int k) {
    if (k == 1) {
      return new double[manifold.points().rows()];
    }
    return NearestNeighbors.nearestOthers(manifold, k - 1).squaredDistancesAt(k - 2);
  }
}
