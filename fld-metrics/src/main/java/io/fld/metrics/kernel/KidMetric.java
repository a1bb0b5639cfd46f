package io.fld.metrics.kernel;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.OptionSpec;
import io.fld.api.metric.Role;
import io.fld.metrics.support.Inputs;
import io.fld.metrics.support.Provider;
import io.fld.metrics.support.ResultBuilder;
import io.fld.metrics.support.RowSampling;
import java.nio.FloatBuffer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * KID: the mean over random subsets of the unbiased squared MMD between generated and reference
 * features under the cubic polynomial kernel (see {@link PolynomialMmd}). The reference set is the
 * training set for {@code kid} and the test set for {@code kid_test}. The result also carries the
 * population standard deviation of the subset values as {@code kid_std}.
 *
 * <p>The generated rows are first shuffled (and cut to {@value #DEFAULT_GEN_SIZE} rows) with the
 * metric's seed. The subsets are then drawn without replacement from each set by a generator with
 * its own seed, {@value #DEFAULT_SUBSET_SEED} unless set, as the reference implementation fixes it.
 * The subsets pick positions in the shuffled generated rows, so KID changes with the metric's seed
 * even when the subset seed is fixed. KID is not invariant to a common shift of the features,
 * because the kernel is not.
 */
public final class KidMetric implements Metric {
  /** Option: the most generated rows used, drawn at random when there are more. */
  public static final String GEN_SIZE = "gen-size";

  /** Option: the number of subsets averaged. */
  public static final String SUBSETS = "subsets";

  /** Option: the rows per subset, reduced to half of the smaller set when larger. */
  public static final String SUBSET_SIZE = "subset-size";

  /**
   * The provenance parameter with the requested subset size when fewer rows per subset were used.
   */
  public static final String REQUESTED_SUBSET_SIZE = "requested-subset-size";

  /**
   * Option: the seed of the draws that pick each subset's rows. The metric's seed still changes
   * KID, because it shuffles the generated rows that the subsets index into.
   */
  public static final String SUBSET_SEED = "subset-seed";

  /** Name of the extra value holding the standard deviation over subsets. */
  public static final String STANDARD_DEVIATION = "kid_std";

  static final int DEFAULT_GEN_SIZE = 50_000;
  static final int DEFAULT_SUBSETS = 100;
  static final int DEFAULT_SUBSET_SIZE = 1000;
  static final int DEFAULT_SUBSET_SEED = 42;

  /**
   * The maximum number of subsets, 100 times the default. Each subset computes kernel matrices of
   * subset-size squared entries, so the time grows linearly with their number.
   */
  static final int MAX_SUBSETS = 10_000;

  private static final int MINIMUM_SUBSET_SIZE = 2;

  private static final List<OptionSpec> OPTIONS =
      List.of(
          new OptionSpec(
              GEN_SIZE,
              "int",
              String.valueOf(DEFAULT_GEN_SIZE),
              "most generated rows used; a random subset is drawn when there are more"),
          new OptionSpec(
              SUBSETS,
              "int",
              String.valueOf(DEFAULT_SUBSETS),
              "number of subsets averaged, at most " + MAX_SUBSETS),
          new OptionSpec(
              SUBSET_SIZE,
              "int",
              String.valueOf(DEFAULT_SUBSET_SIZE),
              "rows per subset; reduced, with a warning, to half of the smaller set"),
          new OptionSpec(
              SUBSET_SEED,
              "int",
              String.valueOf(DEFAULT_SUBSET_SEED),
              "seed of the draws that pick each subset's rows, fixed by default as in the"
                  + " reference implementation. --seed still changes KID: it shuffles the"
                  + " generated rows, and cuts them to gen-size, before the subsets are drawn"));

  private final String id;
  private final Role reference;
  private final int genSize;
  private final int subsets;
  private final int subsetSize;
  private final long subsetSeed;
  private final long seed;

  private KidMetric(String id, Role reference, MetricOptions options) {
    this.id = id;
    this.reference = reference;
    int max = Integer.MAX_VALUE;
    this.genSize =
        Inputs.integerOption(id, options, GEN_SIZE, DEFAULT_GEN_SIZE, 2 * MINIMUM_SUBSET_SIZE, max);
    this.subsets = Inputs.integerOption(id, options, SUBSETS, DEFAULT_SUBSETS, 1, MAX_SUBSETS);
    this.subsetSize =
        Inputs.integerOption(
            id, options, SUBSET_SIZE, DEFAULT_SUBSET_SIZE, MINIMUM_SUBSET_SIZE, max);
    this.subsetSeed =
        Inputs.integerOption(id, options, SUBSET_SEED, DEFAULT_SUBSET_SEED, Integer.MIN_VALUE, max);
    this.seed = options.seed();
  }

  /** Returns the provider of {@code kid}, which compares the generated set with {@code train}. */
  public static MetricProvider trainProvider() {
    return new Provider(
        "kid",
        "kernel inception distance between the generated and the training features",
        OPTIONS,
        options -> new KidMetric("kid", Role.TRAIN, options));
  }

  /**
   * Returns the provider of {@code kid_test}, which compares the generated set with {@code test}.
   */
  public static MetricProvider testProvider() {
    return new Provider(
        "kid_test",
        "kernel inception distance between the generated and the test features",
        OPTIONS,
        options -> new KidMetric("kid_test", Role.TEST, options));
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
    String reason = "to draw subsets of at least 2 rows";
    Inputs.requireRows(reference, referenceSet, 2 * MINIMUM_SUBSET_SIZE, reason);
    Inputs.requireRows(Role.GEN, gen, 2 * MINIMUM_SUBSET_SIZE, reason);
  }

  @Override
  public MetricResult compute(FeatureSet train, FeatureSet test, FeatureSet gen) {
    checkInputs(train, test, gen);
    FeatureSet referenceSet = reference == Role.TRAIN ? train : test;

    int[] genRows = RowSampling.shuffle(new SplittableRandom(seed), gen.rows(), genSize);
    int size = effectiveSubsetSize(referenceSet.rows(), genRows.length);
    ResultBuilder result =
        new ResultBuilder(id, seed, parameters(size))
            .input(reference, referenceSet, referenceSet.rows())
            .input(Role.GEN, gen, genRows.length);
    if (size < subsetSize) {
      result.warn(clampWarning(referenceSet.rows(), genRows.length, size));
    }

    double[] values = subsetValues(referenceSet, gen, genRows, size);
    double mean = mean(values);
    result.extra(STANDARD_DEVIATION, populationStandardDeviation(values, mean));
    return result.build(mean);
  }

  /** Returns the parameters with the subset size actually used, and the requested one if larger. */
  private Map<String, String> parameters(int usedSubsetSize) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("reference", reference.label());
    parameters.put(GEN_SIZE, String.valueOf(genSize));
    parameters.put(SUBSETS, String.valueOf(subsets));
    parameters.put(SUBSET_SIZE, String.valueOf(usedSubsetSize));
    if (usedSubsetSize != subsetSize) {
      parameters.put(REQUESTED_SUBSET_SIZE, String.valueOf(subsetSize));
    }
    parameters.put(SUBSET_SEED, String.valueOf(subsetSeed));
    return parameters;
  }

  private int effectiveSubsetSize(int referenceRows, int genRows) {
    int limit = Math.min(referenceRows, genRows) / 2;
    if (subsetSize <= limit) {
      return subsetSize;
    }
    if (limit < MINIMUM_SUBSET_SIZE) {
      throw new InvalidInputException(
          "at least 4 rows are needed in each set to draw subsets of 2 rows, got "
              + Math.min(referenceRows, genRows));
    }
    return limit;
  }

  private String clampWarning(int referenceRows, int genRows, int limit) {
    return "subset size "
        + subsetSize
        + " exceeds half of the smaller set ("
        + reference.label()
        + " "
        + referenceRows
        + " rows, gen "
        + genRows
        + " rows); using subsets of "
        + limit
        + " rows. Set "
        + SUBSET_SIZE
        + " to at most "
        + limit
        + " to silence this warning";
  }

  private double[] subsetValues(FeatureSet referenceSet, FeatureSet gen, int[] genRows, int size) {
    SplittableRandom random = new SplittableRandom(subsetSeed);
    int dimension = gen.dimension();
    PolynomialMmd mmd = new PolynomialMmd(size, dimension);
    FloatBuffer referenceSample = mmd.allocateSample();
    FloatBuffer genSample = mmd.allocateSample();
    float[] row = new float[dimension];
    double[] values = new double[subsets];
    for (int subset = 0; subset < subsets; subset++) {
      int[] referenceRows = RowSampling.shuffle(random, referenceSet.rows(), size);
      int[] genPositions = RowSampling.shuffle(random, genRows.length, size);
      for (int i = 0; i < size; i++) {
        referenceSet.copyRow(referenceRows[i], row, 0);
        referenceSample.put(i * dimension, row);
        gen.copyRow(genRows[genPositions[i]], row, 0);
        genSample.put(i * dimension, row);
      }
      values[subset] = mmd.unbiased(referenceSample, genSample, size);
    }
    return values;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return sum / values.length;
  }

  private static double populationStandardDeviation(double[] values, double mean) {
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return Math.sqrt(sum / values.length);
  }
}
