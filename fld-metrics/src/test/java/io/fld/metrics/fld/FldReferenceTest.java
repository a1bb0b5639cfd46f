package io.fld.metrics.fld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.MetricOptions;
import io.fld.metrics.TestNpy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares FLD and the per-sample scores with the values of the Python reference implementation on
 * the same features (seed 0 here against the reference's spread over seeds 0..4).
 *
 * <p>On memorized sets (generated rows that are exact training rows) the fitted variances of the
 * copies shrink at every Adam step and never converge, so the values are set by the number of steps
 * and by how a copy's distance of 0 is rounded. With the default float32 fit distances we round as
 * the reference does: about a third of the copies get a positive residue near 1e-5 and their
 * variances stop near it, and those components set values between 1e6 and 1e8. Which components
 * stop where depends on the batches, so on fashion the reference's seeds split into two groups
 * whose values differ by a factor of almost 4, and so do ours. There the checks are the sign and
 * the "near-total memorization" verdict (beyond 1000, with a warning). On the train side, the mean
 * over seeds 0..4 must also lie within a factor 2 of the reference's mean over its seeds 0..4, and
 * each seed within a factor 2 of the reference's range.
 */
class FldReferenceTest {
  private static final long SEED = 0;

  /** The seeds the reference was run with, for the seed-averaged checks of memorized sets. */
  private static final int REFERENCE_SEEDS = 5;

  /** Largest ratio, either way, between our train-side values and the reference's. */
  private static final double MEMORIZED_FACTOR = 2;

  /** Fashion's 20000 x 5000 distances would take 381 MiB; this budget exercises sparse mode. */
  private static final int FASHION_CACHE_MIB = 64;

  private static final Map<String, FeatureSet> FILES = new ConcurrentHashMap<>();

  /** The quality fit depends only on train, test and the seed, so each family fits it once. */
  private static final Map<String, SampleScores.QualityModel> QUALITY_MODELS =
      new ConcurrentHashMap<>();

  private static FeatureSet file(String path) {
    return FILES.computeIfAbsent(path, key -> TestNpy.read("reference/" + key));
  }

  private static final Set<FldKind> FLD_KINDS =
      EnumSet.of(FldKind.TEST, FldKind.TRAIN, FldKind.GAP);

  /** FLD evaluations by family, set and seed, shared between the tests. */
  private static final Map<String, FldEvaluation> EVALUATIONS = new ConcurrentHashMap<>();

  private static MetricOptions options(String family) {
    return options(family, SEED);
  }

  private static MetricOptions options(String family, long seed) {
    MetricOptions options = MetricOptions.defaults().withSeed(seed);
    return family.equals("fashion")
        ? options.with(FldSettings.DISTANCE_CACHE_MIB, FASHION_CACHE_MIB)
        : options;
  }

  static Stream<Arguments> sets() {
    return Stream.of(
        Arguments.of("gauss", "good"),
        Arguments.of("gauss", "copycat"),
        Arguments.of("gauss", "noisy_copies"),
        Arguments.of("gauss", "mode_drop"),
        Arguments.of("gauss", "shifted"),
        Arguments.of("gauss", "mixed_half"),
        Arguments.of("fashion", "test_as_gen"),
        Arguments.of("fashion", "copycat"));
  }

  /** Sets whose reference values are set by the collapse of copied components. */
  private static boolean memorized(String family, String set, FldKind kind) {
    return set.equals("copycat") || (set.equals("mixed_half") && kind != FldKind.TEST);
  }

  /** FLD, FLD train and the gap of one generated set, at one seed, computed once. */
  private static FldEvaluation evaluation(String family, String set, long seed) {
    return EVALUATIONS.computeIfAbsent(
        family + "/" + set + "/" + seed,
        key -> {
          FeatureSet train = file(family + "/train.npy");
          FeatureSet test = file(family + "/test.npy");
          FeatureSet gen = file(family + "/" + set + ".npy");
          FldSettings settings =
              FldSettings.parse("metric fld", options(family, seed), FldKind.TEST.options());
          return FldEvaluation.compute(
              FldEngine.standardize("fld", train, test, gen), settings, FLD_KINDS);
        });
  }

  @ParameterizedTest
  @MethodSource("sets")
  void fldFamilyMatchesReference(String family, String set) {
    FldEvaluation evaluation = evaluation(family, set, SEED);

    for (FldKind kind : FLD_KINDS) {
      double value = evaluation.value(kind);
      ReferenceValues.Spread reference = ReferenceValues.metric(family, set, referenceName(kind));
      System.out.printf(
          "%s/%s %s = %.6g, reference %s%n", family, set, kind.id(), value, reference);
      if (memorized(family, set, kind)) {
        assertMemorized(kind, value, reference, evaluation);
      } else {
        assertTrue(
            reference.admits(value),
            family + "/" + set + " " + kind.id() + " = " + value + ", reference " + reference);
      }
    }
  }

  private static void assertMemorized(
      FldKind kind, double value, ReferenceValues.Spread reference, FldEvaluation evaluation) {
    assertEquals(Math.signum(reference.mean()), Math.signum(value), kind.id() + " sign");
    if (Math.abs(reference.mean()) > FldEvaluation.MEMORIZATION_LEVEL) {
      assertTrue(
          Math.abs(value) > FldEvaluation.MEMORIZATION_LEVEL,
          kind.id() + " = " + value + " is not beyond " + FldEvaluation.MEMORIZATION_LEVEL);
      assertTrue(
          evaluation.warnings().stream().anyMatch(w -> w.startsWith(kind.id() + " = ")),
          kind.id() + " has no memorization warning: " + evaluation.warnings());
    }
  }

  static Stream<Arguments> memorizedSets() {
    return Stream.of(
        Arguments.of("gauss", "copycat"),
        Arguments.of("gauss", "mixed_half"),
        Arguments.of("fashion", "copycat"));
  }

  /**
   * Checks FLD train and the gap of memorized sets within a factor 2 of the reference. One seed is
   * not enough: on fashion copycat the reference's seeds give about 2.0e6 four times and 7.7e6
   * once, so its mean is near neither group, and one seed of ours lands in one group or the other.
   * The means over seeds 0..4 are compared instead, and every seed with the reference's range.
   */
  @ParameterizedTest
  @MethodSource("memorizedSets")
  void memorizedTrainSideWithinFactorTwo(String family, String set) {
    for (FldKind kind : List.of(FldKind.TRAIN, FldKind.GAP)) {
      ReferenceValues.Spread reference = ReferenceValues.metric(family, set, referenceName(kind));
      double[] values = new double[REFERENCE_SEEDS];
      for (int seed = 0; seed < REFERENCE_SEEDS; seed++) {
        values[seed] = evaluation(family, set, seed).value(kind);
      }
      double ratio = mean(values) / reference.mean();
      String label = family + "/" + set + " " + kind.id();
      System.out.printf(
          "%s by seed %s, mean %.6g, reference mean %.6g, ratio %.3f%n",
          label, Arrays.toString(values), mean(values), reference.mean(), ratio);

      assertTrue(
          ratio >= 1 / MEMORIZED_FACTOR && ratio <= MEMORIZED_FACTOR,
          label + " mean " + mean(values) + " vs reference mean " + reference.mean());
      for (int seed = 0; seed < REFERENCE_SEEDS; seed++) {
        assertWithinFactor(label + " seed " + seed, values[seed], reference);
      }
    }
  }

  /** Asserts that {@code value} has the sign of the range and lies within a factor 2 of it. */
  private static void assertWithinFactor(
      String label, double value, ReferenceValues.Spread reference) {
    double low = Math.min(Math.abs(reference.min()), Math.abs(reference.max()));
    double high = Math.max(Math.abs(reference.min()), Math.abs(reference.max()));
    assertEquals(Math.signum(reference.mean()), Math.signum(value), label + " sign");
    assertTrue(
        Math.abs(value) >= low / MEMORIZED_FACTOR && Math.abs(value) <= high * MEMORIZED_FACTOR,
        label + " = " + value + " is not within a factor 2 of the reference " + reference);
  }

  static String referenceName(FldKind kind) {
    return switch (kind) {
      case TEST -> "FLD Test";
      case TRAIN -> "FLD Train";
      case GAP -> "FLD Gap";
      case PRECISION -> throw new IllegalArgumentException("no reference values for fld_p");
    };
  }

  /**
   * Checks the mean of the memorization scores against the reference's, except on sets with exact
   * copies of training rows. There the reference's mean is dominated by float32 rounding outliers
   * (copies whose rounded distance came out positive at a variance near e^-36 score -1e6 to -1e9).
   * Besides, about a third of the copies stop early with a larger variance, at scores that depend
   * on the batches. The checks there are robust to which copies those are: the median over the
   * bit-identical copies, which the two thirds that collapse fully set, against the reference's
   * median over the same rows; on {@code mixed_half} every copy scoring above every other row; and,
   * over the other rows of {@code mixed_half}, the means.
   */
  @ParameterizedTest
  @MethodSource("sets")
  void memorizationScoresMatchReference(String family, String set) {
    FeatureSet train = file(family + "/train.npy");
    FeatureSet gen = file(family + "/" + set + ".npy");
    double[] scores =
        SampleScores.memorization(train, file(family + "/test.npy"), gen, options(family));

    assertEquals(gen.rows(), scores.length);
    if (!set.equals("copycat") && !set.equals("mixed_half")) {
      assertSummary(family, set, "memorization", "per_seed_mean", mean(scores));
      return;
    }
    boolean[] copies = exactCopies(train, gen);
    float[][] reference =
        TestNpy.rows("reference/" + family + "/persample/" + set + "__memorization.npy");
    double[] copyScores = select(scores, copies, true);
    assertSubset(
        family,
        set,
        "copies",
        "median",
        median(copyScores),
        spreadOver(reference, copies, true, FldReferenceTest::median));
    if (set.equals("mixed_half")) {
      double[] otherScores = select(scores, copies, false);
      double lowestCopy = Arrays.stream(copyScores).min().orElseThrow();
      double highestOther = Arrays.stream(otherScores).max().orElseThrow();
      System.out.printf(
          "%s/%s memorization: lowest copy %.6g, highest other row %.6g%n",
          family, set, lowestCopy, highestOther);
      assertTrue(
          lowestCopy > highestOther,
          "a copy scores " + lowestCopy + ", not above every other row (" + highestOther + ")");
      assertSubset(
          family,
          set,
          "non-copies",
          "mean",
          mean(otherScores),
          spreadOver(reference, copies, false, FldReferenceTest::mean));
    }
  }

  private static void assertSubset(
      String family,
      String set,
      String rows,
      String summary,
      double value,
      ReferenceValues.Spread reference) {
    String label = family + "/" + set + " memorization " + summary + " over " + rows;
    System.out.printf("%s = %.6g, reference %s%n", label, value, reference);
    assertTrue(reference.admits(value), label + " = " + value + ", reference " + reference);
  }

  @ParameterizedTest
  @MethodSource("sets")
  void qualityScoresMatchReference(String family, String set) {
    FeatureSet gen = file(family + "/" + set + ".npy");
    SampleScores.QualityModel model =
        QUALITY_MODELS.computeIfAbsent(
            family,
            name ->
                SampleScores.qualityModel(
                    file(name + "/train.npy"), file(name + "/test.npy"), options(name)));

    double[] scores = model.scores(gen);

    assertEquals(gen.rows(), scores.length);
    assertSummary(family, set, "quality", "per_seed_mean", mean(scores));
  }

  private static void assertSummary(
      String family, String set, String kind, String summary, double value) {
    ReferenceValues.Spread reference = ReferenceValues.perSample(family, set, kind, summary);
    System.out.printf(
        "%s/%s %s %s = %.6g, reference %s%n", family, set, kind, summary, value, reference);
    String label = family + "/" + set + " " + kind + " " + summary;
    assertTrue(reference.admits(value), label + " = " + value + ", reference " + reference);
  }

  /** Marks the generated rows that are bit-identical to some training row. */
  private static boolean[] exactCopies(FeatureSet train, FeatureSet gen) {
    Set<List<Float>> trainRows = new HashSet<>();
    for (int i = 0; i < train.rows(); i++) {
      trainRows.add(asList(train.row(i)));
    }
    boolean[] copies = new boolean[gen.rows()];
    for (int j = 0; j < gen.rows(); j++) {
      copies[j] = trainRows.contains(asList(gen.row(j)));
    }
    return copies;
  }

  private static List<Float> asList(float[] row) {
    List<Float> values = new ArrayList<>(row.length);
    for (float value : row) {
      values.add(value);
    }
    return values;
  }

  private static double[] select(double[] values, boolean[] mask, boolean selected) {
    return IntStream.range(0, values.length)
        .filter(i -> mask[i] == selected)
        .mapToDouble(i -> values[i])
        .toArray();
  }

  /** Returns the spread over seeds (rows) of a summary of the reference's selected columns. */
  private static ReferenceValues.Spread spreadOver(
      float[][] reference, boolean[] mask, boolean selected, ToDoubleFunction<double[]> summary) {
    double[] values = new double[reference.length];
    for (int seed = 0; seed < reference.length; seed++) {
      double[] row = new double[reference[seed].length];
      for (int j = 0; j < row.length; j++) {
        row[j] = reference[seed][j];
      }
      values[seed] = summary.applyAsDouble(select(row, mask, selected));
    }
    return new ReferenceValues.Spread(
        Arrays.stream(values).min().orElseThrow(),
        Arrays.stream(values).max().orElseThrow(),
        mean(values));
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).sum() / values.length;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
