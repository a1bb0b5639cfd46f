package io.fld.metrics.fld;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.MetricResult;
import io.fld.metrics.TestNpy;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Properties of the FLD family on small synthetic Gaussian sets. */
class FldPropertiesTest {
  private static final int DIMENSION = 16;

  /** A row long enough for two levels of pairwise splitting. */
  private static final int SQUARES_LENGTH = 300;

  /** The float32 sum of {@code sin(1..300)^2} as numpy computes it. */
  private static final float NUMPY_SQUARES_SUM = 150.49266f;

  /** A factor that leaves a standard normal column with a standard deviation near 1e-38. */
  private static final float TINY_SCALE = 1e-38f;

  /** A factor whose square overflows single precision. */
  private static final float HUGE_SCALE = 1e30f;

  /**
   * Relative tolerance for results that differ only in row order. The squared distances come from
   * single-precision GEMM, whose rounding of a dot product depends on where its row falls in the
   * kernel's blocks and on the kernel OpenBLAS picks for the processor, so only equality up to
   * float rounding holds.
   */
  private static final double ROW_ORDER_TOLERANCE = 1e-6;

  private static final FeatureSet TRAIN = gaussian("train", 1000, 1, 0);
  private static final FeatureSet TEST = gaussian("test", 300, 2, 0);
  private static final FeatureSet GEN = gaussian("gen", 400, 3, 0);

  /** Draws standard normal rows, with every value shifted by {@code shift}. */
  private static FeatureSet gaussian(String name, int rows, long seed, double shift) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] values = new float[rows][DIMENSION];
    for (float[] row : values) {
      for (int c = 0; c < DIMENSION; c++) {
        row[c] = (float) (normal(random) + shift);
      }
    }
    return FeatureSet.of(values, name);
  }

  private static double normal(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static FeatureSet permuted(FeatureSet set, long seed) {
    return set.select(Rows.permutation(set.rows(), new SplittableRandom(seed)));
  }

  private static MetricProvider provider(String id) {
    return FldMetrics.providers().stream()
        .filter(p -> p.name().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static MetricResult compute(String id, MetricOptions options, FeatureSet gen) {
    return provider(id).create(options).compute(TRAIN, TEST, gen);
  }

  @Test
  void providersCoverFamily() {
    List<String> ids = FldMetrics.providers().stream().map(MetricProvider::name).toList();

    assertEquals(List.of("fld", "fld_train", "fld_gap", "fld_p"), ids);
  }

  @Test
  void optionsHaveReferenceDefaults() {
    List<String> defaults =
        provider("fld").options().stream().map(o -> o.name() + "=" + o.defaultValue()).toList();

    assertTrue(defaults.contains("gen-size=10000"), defaults.toString());
    assertTrue(defaults.contains("baseline-nll=none"), defaults.toString());
    assertTrue(defaults.contains("learning-rate=0.5"), defaults.toString());
    assertTrue(defaults.contains("epochs=50"), defaults.toString());
    assertTrue(defaults.contains("batch-size=10000"), defaults.toString());
    assertTrue(
        provider("fld_p").options().stream().anyMatch(o -> o.name().equals("test-size")),
        "fld_p has test-size");
  }

  @Test
  void sameSeedGivesIdenticalResults() {
    MetricOptions options = MetricOptions.defaults().withSeed(7);

    for (String id : List.of("fld", "fld_train", "fld_gap", "fld_p")) {
      double first = compute(id, options, GEN).value();
      double second = compute(id, options, GEN).value();
      assertEquals(first, second, 0.0, id);
    }
  }

  @Test
  void permutedRowsStayWithinSeedSpread() {
    double[] bySeed = new double[5];
    for (int seed = 0; seed < bySeed.length; seed++) {
      bySeed[seed] = compute("fld", MetricOptions.defaults().withSeed(seed), GEN).value();
    }
    double min = Arrays.stream(bySeed).min().orElseThrow();
    double max = Arrays.stream(bySeed).max().orElseThrow();
    double slack = Math.max(max - min, 1e-3);

    double value =
        provider("fld")
            .create(MetricOptions.defaults())
            .compute(permuted(TRAIN, 11), permuted(TEST, 12), permuted(GEN, 13))
            .value();

    assertTrue(
        value >= min - slack && value <= max + slack,
        value + " outside [" + (min - slack) + ", " + (max + slack) + "]");
  }

  @Test
  void gapIgnoresRowOrderOnSingleBatch() {
    MetricOptions options = MetricOptions.defaults();
    double gap = compute("fld_gap", options, GEN).value();

    double permutedGap =
        provider("fld_gap")
            .create(options)
            .compute(permuted(TRAIN, 21), permuted(TEST, 22), permuted(GEN, 23))
            .value();

    assertEquals(gap, permutedGap, ROW_ORDER_TOLERANCE * Math.max(1, Math.abs(gap)));
  }

  /** Standardization by the test set makes FLD invariant to a common affine map of the features. */
  @Test
  void commonShiftAndScaleKeepFld() {
    MetricOptions options = MetricOptions.defaults();
    double gap = compute("fld_gap", options, GEN).value();

    double mappedGap =
        provider("fld_gap")
            .create(options)
            .compute(affine(TRAIN, 3, 1000), affine(TEST, 3, 1000), affine(GEN, 3, 1000))
            .value();

    // Values near 1000 keep about 4 decimals of a unit-variance feature in float32.
    assertEquals(gap, mappedGap, 1e-3 * Math.max(1, Math.abs(gap)));
  }

  private static FeatureSet affine(FeatureSet set, float scale, float shift) {
    float[] values = set.toArray();
    for (int i = 0; i < values.length; i++) {
      values[i] = values[i] * scale + shift;
    }
    return FeatureSet.wrap(values, set.rows(), set.dimension(), set.provenance());
  }

  @Test
  void shiftedGenScoresWorse() {
    FeatureSet shifted = gaussian("shifted", 400, 3, 1.0);
    MetricOptions options = MetricOptions.defaults();

    assertTrue(compute("fld", options, shifted).value() > compute("fld", options, GEN).value());
    assertTrue(compute("fld_p", options, shifted).value() > compute("fld_p", options, GEN).value());
  }

  @Test
  void copiedGenWarnsOfMemorization() {
    FeatureSet copies = TRAIN.select(java.util.stream.IntStream.range(0, 300).toArray());

    MetricResult result = compute("fld_gap", MetricOptions.defaults(), copies);

    assertTrue(result.value() < -FldEvaluation.MEMORIZATION_LEVEL, "gap " + result.value());
    assertTrue(
        result.warnings().stream().anyMatch(w -> w.contains("memorization")),
        result.warnings().toString());
  }

  /**
   * With exact fit distances every copy's variance collapses for all Adam steps, so the copies'
   * values are at least as extreme as with the float32 default, where some copies keep a rounding
   * residue. Both are beyond the memorization level, with the warning.
   */
  @Test
  void exactFitDistancesStillFlagCopies() {
    FeatureSet copies = TRAIN.select(java.util.stream.IntStream.range(0, 300).toArray());
    MetricOptions exact = MetricOptions.defaults().with(FldSettings.FIT_DISTANCES, "exact");

    for (String id : List.of("fld", "fld_train", "fld_gap")) {
      MetricResult exactResult = compute(id, exact, copies);
      MetricResult defaultResult = compute(id, MetricOptions.defaults(), copies);

      assertTrue(
          Math.abs(exactResult.value()) > FldEvaluation.MEMORIZATION_LEVEL,
          id + " " + exactResult.value());
      assertTrue(
          exactResult.warnings().stream().anyMatch(w -> w.startsWith(id + " = ")),
          exactResult.warnings().toString());
      assertTrue(
          Math.abs(exactResult.value()) >= Math.abs(defaultResult.value()),
          id + " exact " + exactResult.value() + " vs float32 " + defaultResult.value());
      assertEquals("exact", exactResult.provenance().parameters().get(FldSettings.FIT_DISTANCES));
      assertEquals(
          "float32", defaultResult.provenance().parameters().get(FldSettings.FIT_DISTANCES));
    }
  }

  /** Off copies the distance rounding is far below the distances, so both modes agree. */
  @Test
  void fitDistanceModesAgreeOffCopies() {
    FeatureSet train = TestNpy.read("reference/gauss/train.npy");
    FeatureSet test = TestNpy.read("reference/gauss/test.npy");
    Set<FldKind> kinds = EnumSet.of(FldKind.TEST, FldKind.TRAIN, FldKind.GAP);

    for (String set : List.of("good", "mode_drop")) {
      FldEngine.Standardized sets =
          FldEngine.standardize(
              "fld", train, test, TestNpy.read("reference/gauss/" + set + ".npy"));
      FldEvaluation single = evaluate(sets, "float32", kinds);
      FldEvaluation exact = evaluate(sets, "exact", kinds);

      for (FldKind kind : kinds) {
        ReferenceValues.Spread reference =
            ReferenceValues.metric("gauss", set, FldReferenceTest.referenceName(kind));
        assertEquals(
            single.value(kind),
            exact.value(kind),
            reference.slack(),
            "gauss/" + set + " " + kind.id() + " float32 vs exact");
      }
    }
  }

  private static FldEvaluation evaluate(
      FldEngine.Standardized sets, String fitDistances, Set<FldKind> kinds) {
    MetricOptions options = MetricOptions.defaults().with(FldSettings.FIT_DISTANCES, fitDistances);
    FldSettings settings = FldSettings.parse("metric fld", options, FldKind.TEST.options());
    return FldEvaluation.compute(sets, settings, kinds);
  }

  @Test
  void unknownFitDistancesIsRejected() {
    MetricOptions options = MetricOptions.defaults().with(FldSettings.FIT_DISTANCES, "float16");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> provider("fld").create(options));

    assertTrue(error.getMessage().contains("float16"), error.getMessage());
    assertTrue(error.getMessage().contains("float32|exact"), error.getMessage());
  }

  /**
   * The float32 fit distances of an exact copy are the expansion's rounding residue, never
   * negative; elsewhere they agree with the exact distances to single precision.
   */
  @Test
  void float32FitDistancesKeepRoundingResidue() {
    Rows x = new Rows(TRAIN.toArray(), TRAIN.rows(), DIMENSION).range(0, 50);
    Rows centers = new Rows(TRAIN.toArray(), TRAIN.rows(), DIMENSION).range(25, 75);
    float[] fit = new float[50 * 50];
    float[] exact = new float[50 * 50];
    SquaredDistances.forEachBlock(
        x,
        centers,
        FitDistances.FLOAT32,
        (first, count, fitBlock, exactBlock) -> {
          System.arraycopy(fitBlock, 0, fit, first * 50, count * 50);
          System.arraycopy(exactBlock, 0, exact, first * 50, count * 50);
        });

    for (int i = 0; i < 50; i++) {
      for (int j = 0; j < 50; j++) {
        float value = fit[i * 50 + j];
        double scale = 2 * DIMENSION;
        assertTrue(value >= 0, "row " + i + " center " + j + ": " + value);
        assertEquals(exact[i * 50 + j], value, 1e-5 * scale, "row " + i + " center " + j);
      }
    }
    assertEquals(0f, exact[25 * 50], "exact distance of a row and its copy");
  }

  /** The float32 norms add squares in 8 lanes and then pairwise, not left to right. */
  @Test
  void floatSquaresFollowPairwiseOrder() {
    float[] values = {4096, 1, 1, 1, 1, 1, 1, 1};

    float sum = FloatSums.pairwiseSquares(values, 0, values.length);

    // Left to right, every 1 is lost against 2^24 (ties round to even), giving 2^24. In lanes,
    // lane 1 is lost against lane 0, lanes 2 and 3 add 2 and lanes 4 to 7 add 4.
    assertEquals(16_777_222f, sum);
  }

  /** Over several blocks the sum matches numpy's float32 sum of the same squares, bit for bit. */
  @Test
  void floatSquaresMatchNumpyOrder() {
    float[] row = new float[SQUARES_LENGTH];
    double exact = 0;
    for (int c = 0; c < row.length; c++) {
      row[c] = (float) Math.sin(c + 1.0);
      exact += (double) row[c] * row[c];
    }

    float sum = FloatSums.pairwiseSquares(row, 0, row.length);

    // (np.sin(np.arange(1, 301.0)).astype(np.float32) ** 2).sum(dtype=np.float32)
    assertEquals(NUMPY_SQUARES_SUM, sum);
    assertEquals(exact, sum, 1e-6 * exact);
  }

  @Test
  void largeGenWarnsOfBaseline() {
    FeatureSet large = gaussian("large", 600, 4, 0);

    MetricResult result = compute("fld", MetricOptions.defaults(), large);

    assertTrue(
        result.warnings().stream().anyMatch(w -> w.contains("more than half")),
        result.warnings().toString());
  }

  @Test
  void baselineWarningNamesOneCenter() {
    FeatureSet threeRows = TRAIN.select(new int[] {0, 1, 2});

    MetricResult result =
        provider("fld").create(MetricOptions.defaults()).compute(threeRows, TEST, GEN);

    assertTrue(
        result.warnings().stream().anyMatch(w -> w.contains("has only 1 center and")),
        result.warnings().toString());
  }

  @Test
  void fixedBaselineIsUsed() {
    MetricOptions options = MetricOptions.defaults().with("baseline-nll", 1.25);
    MetricResult result = compute("fld", options, GEN);

    double nllTest = Double.parseDouble(result.provenance().parameters().get("nll-test"));

    assertEquals(100 * (nllTest - 1.25), result.value(), 1e-9);
  }

  /** Uses the 64-dimensional reference set, where far components are negligible. */
  @Test
  void sparseCacheAgreesWithDense() {
    FeatureSet train = TestNpy.read("reference/gauss/train.npy");
    FeatureSet test = TestNpy.read("reference/gauss/test.npy");
    FeatureSet gen = TestNpy.read("reference/gauss/mode_drop.npy");
    MetricOptions dense = MetricOptions.defaults();
    MetricOptions sparse = dense.with("distance-cache-mib", 1).with("neighbors", 128);

    MetricResult denseResult = provider("fld_gap").create(dense).compute(train, test, gen);
    MetricResult sparseResult = provider("fld_gap").create(sparse).compute(train, test, gen);

    assertEquals("dense", denseResult.provenance().parameters().get("model-distances"));
    assertEquals(
        "nearest 128 per row", sparseResult.provenance().parameters().get("model-distances"));
    assertEquals(denseResult.value(), sparseResult.value(), 0.01 * Math.abs(denseResult.value()));
  }

  @Test
  void gemmDistancesMatchDirect() {
    Rows x = new Rows(TRAIN.toArray(), TRAIN.rows(), DIMENSION).range(0, 50);
    Rows centers = new Rows(TRAIN.toArray(), TRAIN.rows(), DIMENSION).range(25, 75);
    float[] all = new float[50 * 50];
    SquaredDistances.forEachBlock(
        x,
        centers,
        (first, count, block) -> System.arraycopy(block, 0, all, first * 50, count * 50));

    for (int i = 0; i < 50; i++) {
      for (int j = 0; j < 50; j++) {
        double direct = SquaredDistances.direct(x, i, centers, j);
        assertEquals(direct, all[i * 50 + j], 1e-5 * (1 + direct), "row " + i + " center " + j);
      }
    }
    assertEquals(0f, all[25 * 50], "a row and its exact copy");
  }

  @Test
  void nearestSelectionKeepsSmallest() {
    float[] values = {5, 1, 9, 3, 7, 2, 8, 0, 6, 4};
    float[] kept = new float[4];
    int[] indices = new int[4];

    DistanceCache.selectNearest(values, 0, values.length, 4, kept, indices, 0);

    int[] sortedIndices = indices.clone();
    Arrays.sort(sortedIndices);
    assertArrayEquals(new int[] {1, 3, 5, 7}, sortedIndices);
  }

  @Test
  void nearlyConstantTestColumnIsRejected() {
    float[][] rows = new float[TEST.rows()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = TEST.row(i);
      rows[i][3] *= TINY_SCALE;
    }
    FeatureSet tiny = FeatureSet.of(rows, "tiny-test.npy");
    var metric = provider("fld").create(MetricOptions.defaults());

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> metric.compute(TRAIN, tiny, GEN));

    assertTrue(error.getMessage().contains("tiny-test.npy"), error.getMessage());
    assertTrue(error.getMessage().contains("column 3"), error.getMessage());
  }

  @Test
  void overflowingTrainingFeaturesAreReported() {
    FeatureSet huge = scaled(TRAIN, HUGE_SCALE);
    var metric = provider("fld").create(MetricOptions.defaults());

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> metric.compute(huge, TEST, GEN));

    assertTrue(error.getMessage().startsWith("the value came out as"), error.getMessage());
    assertTrue(error.getMessage().contains("overflows"), error.getMessage());
  }

  private static FeatureSet scaled(FeatureSet set, float scale) {
    float[][] rows = new float[set.rows()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = set.row(i);
      for (int c = 0; c < rows[i].length; c++) {
        rows[i][c] *= scale;
      }
    }
    return FeatureSet.of(rows, "scaled " + set.provenance().source());
  }

  @Test
  void testRowsFromTrainingSetAreWarnedAbout() {
    FeatureSet trainRows = TRAIN.select(IntStream.range(0, TEST.rows()).toArray());

    MetricResult result = compute("fld", MetricOptions.defaults(), GEN);
    MetricResult overlapping =
        provider("fld").create(MetricOptions.defaults()).compute(TRAIN, trainRows, GEN);

    assertTrue(
        overlapping.warnings().stream().anyMatch(w -> w.contains("overlaps the training set")),
        overlapping.warnings().toString());
    assertTrue(
        result.warnings().stream().noneMatch(w -> w.contains("overlaps")),
        result.warnings().toString());
  }

  @Test
  void constantTestColumnIsRejected() {
    float[][] rows = new float[TEST.rows()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = TEST.row(i);
      rows[i][3] = 2.5f;
    }
    FeatureSet constant = FeatureSet.of(rows, "constant-test.npy");
    var metric = provider("fld").create(MetricOptions.defaults());

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> metric.compute(TRAIN, constant, GEN));

    assertTrue(error.getMessage().contains("constant-test.npy"), error.getMessage());
    assertTrue(error.getMessage().contains("column 3"), error.getMessage());
  }

  @Test
  void fewGeneratedRowsWarn() {
    MetricResult result =
        provider("fld").create(MetricOptions.defaults()).compute(TRAIN, TEST, GEN);

    assertTrue(
        result.warnings().stream().anyMatch(w -> w.startsWith("only 400 generated rows")),
        result.warnings().toString());
  }

  @Test
  void baselineBeyondRangeRejected() {
    MetricOptions options = MetricOptions.of(Map.of("baseline-nll", "-1e308"), 0);

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> provider("fld").create(options));

    assertTrue(
        error.getMessage().contains("option baseline-nll of metric fld"), error.getMessage());
  }

  @Test
  void checkInputsRejectsConstantTestColumn() {
    float[][] rows = new float[TEST.rows()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = TEST.row(i);
      rows[i][5] = -1f;
    }
    FeatureSet constant = FeatureSet.of(rows, "constant-test.npy");

    for (String id : List.of("fld", "fld_train", "fld_gap", "fld_p")) {
      var metric = provider(id).create(MetricOptions.defaults());

      InvalidInputException error =
          assertThrows(
              InvalidInputException.class, () -> metric.checkInputs(TRAIN, constant, GEN), id);
      assertTrue(error.getMessage().contains("column 5"), error.getMessage());
      assertDoesNotThrow(() -> metric.checkInputs(TRAIN, TEST, GEN), id);
    }
  }

  @Test
  void dimensionMismatchIsRejected() {
    FeatureSet narrow = FeatureSet.of(new float[][] {{1, 2}, {3, 4}}, "narrow-gen.npy");
    var metric = provider("fld").create(MetricOptions.defaults());

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> metric.compute(TRAIN, TEST, narrow));

    assertTrue(error.getMessage().contains("narrow-gen.npy"), error.getMessage());
    assertTrue(error.getMessage().contains("2 columns"), error.getMessage());
  }

  @Test
  void nanFeatureIsRejected() {
    float[][] rows = {{1, 2}, {3, Float.NaN}};

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> FeatureSet.of(rows, "nan.npy"));

    assertTrue(error.getMessage().contains("column 1"), error.getMessage());
  }

  @Test
  void unknownOptionIsRejected() {
    MetricOptions options = MetricOptions.defaults().with("gen-sise", 10);

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> provider("fld").create(options));

    assertTrue(error.getMessage().contains("gen-sise"), error.getMessage());
  }

  @Test
  void constantTrainingSetIsRejected() {
    float[][] ones = new float[200][DIMENSION];
    for (float[] row : ones) {
      Arrays.fill(row, 1f);
    }
    FeatureSet constant = FeatureSet.of(ones, "ones-train.npy");

    for (String id : List.of("fld", "fld_train", "fld_gap", "fld_p")) {
      var metric = provider(id).create(MetricOptions.defaults());

      InvalidInputException checked =
          assertThrows(
              InvalidInputException.class, () -> metric.checkInputs(constant, TEST, GEN), id);
      InvalidInputException computed =
          assertThrows(InvalidInputException.class, () -> metric.compute(constant, TEST, GEN), id);
      String message = checked.getMessage();
      assertEquals(message, computed.getMessage(), id);
      assertTrue(message.startsWith("ones-train.npy: all 200 training rows"), message);
      assertTrue(message.contains("needs distinct training rows"), message);
    }
  }

  @Test
  void duplicateTrainingRowsAreWarnedAbout() {
    FeatureSet doubled = TRAIN.select(IntStream.range(0, 1000).map(i -> i / 2).toArray());

    MetricResult result = compute("fld", MetricOptions.defaults(), GEN);
    MetricResult duplicated =
        provider("fld").create(MetricOptions.defaults()).compute(doubled, TEST, GEN);
    MetricResult fixedBaseline =
        provider("fld")
            .create(MetricOptions.defaults().with("baseline-nll", 1.5))
            .compute(doubled, TEST, GEN);

    assertTrue(
        duplicated.warnings().stream().anyMatch(w -> w.startsWith("50% of the 1000 training")),
        duplicated.warnings().toString());
    assertTrue(
        result.warnings().stream().noneMatch(w -> w.contains("exact copies")),
        result.warnings().toString());
    assertTrue(
        fixedBaseline.warnings().stream().noneMatch(w -> w.contains("exact copies")),
        fixedBaseline.warnings().toString());
  }

  @Test
  void everyConstantTestColumnIsListed() {
    float[][] rows = new float[TEST.rows()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = TEST.row(i);
      rows[i][3] = 2.5f;
      rows[i][7] = -1f;
    }
    FeatureSet constant = FeatureSet.of(rows, "constant-test.npy");
    var metric = provider("fld").create(MetricOptions.defaults());

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> metric.checkInputs(TRAIN, constant, GEN));

    String message = error.getMessage();
    assertTrue(message.contains("2 columns of the test set have"), message);
    assertTrue(message.contains("column 3 = 2.5"), message);
    assertTrue(message.contains("column 7 = -1.0"), message);
  }

  @Test
  void manyConstantTestColumnsAreCounted() {
    float[][] rows = new float[TEST.rows()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = TEST.row(i);
      Arrays.fill(rows[i], 0, 13, 4f);
    }
    FeatureSet constant = FeatureSet.of(rows, "constant-test.npy");
    var metric = provider("fld").create(MetricOptions.defaults());

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> metric.checkInputs(TRAIN, constant, GEN));

    String message = error.getMessage();
    assertTrue(message.contains("13 columns"), message);
    assertTrue(message.contains("column 9 = 4.0"), message);
    assertTrue(message.contains("and 3 more"), message);
    assertTrue(!message.contains("column 10 ="), message);
  }

  @Test
  void optionErrorsNameMetricAndRange() {
    List<String[]> cases =
        List.of(
            new String[] {"fld", "gen-size", "99999999999", "[1, 2147483647]"},
            new String[] {"fld", "gen-size", "0", "[1, 2147483647]"},
            new String[] {"fld_train", "epochs", "10001", "[1, 10000]"},
            new String[] {"fld_gap", "distance-cache-mib", "8192", "[1, 8191]"},
            new String[] {"fld_p", "neighbors", "4097", "[1, 4096]"},
            new String[] {"fld_p", "test-size", "-1", "[1, 2147483647]"});

    for (String[] row : cases) {
      MetricOptions options = MetricOptions.defaults().with(row[1], row[2]);

      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> provider(row[0]).create(options), row[1]);
      String message = error.getMessage();
      assertTrue(message.contains("option " + row[1] + " of metric " + row[0]), message);
      assertTrue(message.contains(row[3]), message);
    }
  }

  @Test
  void realOptionErrorsNameMetric() {
    MetricOptions badRate = MetricOptions.defaults().with("learning-rate", "fast");
    MetricOptions badMode = MetricOptions.defaults().with("fit-distances", "float16");

    InvalidInputException rate =
        assertThrows(InvalidInputException.class, () -> provider("fld").create(badRate));
    InvalidInputException mode =
        assertThrows(InvalidInputException.class, () -> provider("fld").create(badMode));

    assertTrue(rate.getMessage().contains("option learning-rate of metric fld"), rate.getMessage());
    assertTrue(mode.getMessage().contains("option fit-distances of metric fld"), mode.getMessage());
  }

  @Test
  void scoreOptionErrorsNameScoreKind() {
    MetricOptions unknown = MetricOptions.defaults().with("nope", 1);
    MetricOptions tooMany = MetricOptions.defaults().with("epochs", "99999999999");

    InvalidInputException quality =
        assertThrows(
            InvalidInputException.class, () -> SampleScores.quality(TRAIN, TEST, GEN, unknown));
    InvalidInputException memorization =
        assertThrows(
            InvalidInputException.class,
            () -> SampleScores.memorization(TRAIN, TEST, GEN, tooMany));

    assertTrue(
        quality.getMessage().contains("unknown option 'nope' for score kind quality"),
        quality.getMessage());
    assertTrue(
        memorization.getMessage().contains("option epochs of score kind memorization"),
        memorization.getMessage());
    assertTrue(memorization.getMessage().contains("[1, 10000]"), memorization.getMessage());
  }

  @Test
  void missingSetIsNamed() {
    var metric = provider("fld").create(MetricOptions.defaults());

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> metric.checkInputs(TRAIN, null, GEN));

    String message = error.getMessage();
    assertTrue(message.startsWith("no test features were given"), message);
    assertTrue(message.contains("pass the test set"), message);
  }

  @Test
  void sampleScoresHaveOneValuePerGenRow() {
    MetricOptions options = MetricOptions.defaults();

    double[] memorization = SampleScores.memorization(TRAIN, TEST, GEN, options);
    double[] quality = SampleScores.quality(TRAIN, TEST, GEN, options);

    assertEquals(GEN.rows(), memorization.length);
    assertEquals(GEN.rows(), quality.length);
    assertTrue(Arrays.stream(memorization).allMatch(Double::isFinite));
    assertTrue(Arrays.stream(quality).allMatch(Double::isFinite));
  }
}
