package io.fld.metrics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.MetricResult;
import io.fld.core.Versions;
import io.fld.core.linalg.Moments;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Invariances, edge cases and input errors of the companion metrics, on the gauss features. */
class MetricPropertiesTest {
  private static final List<String> SHIFT_INVARIANT_SHARES =
      List.of("precision", "recall", "authpct");
  private static final double SHIFT = 1e3;
  private static final double SCALE = 7;
  private static final double QUANTUM = 0x1p-10;
  private static final double RELATIVE_TOLERANCE = 1e-9;

  /**
   * Powers of two near 1e19 and 1e-20: exact to apply, and far enough out that squared distances
   * overflow or underflow single precision.
   */
  private static final List<Double> EXTREME_SCALES = List.of(0x1p64, 0x1p-67);

  private static final FeatureSet TRAIN = rows(ReferenceData.features("gauss", "train"), 1000);
  private static final FeatureSet TEST = rows(ReferenceData.features("gauss", "test"), 500);
  private static final FeatureSet GEN = rows(ReferenceData.features("gauss", "good"), 500);

  @Test
  void providersListTheCompanionIds() {
    List<String> names = CompanionMetrics.providers().stream().map(MetricProvider::name).toList();

    assertEquals(
        List.of("fid", "fid_test", "kid", "kid_test", "precision", "recall", "authpct", "ct"),
        names);
  }

  @Test
  void fidOfSetWithItselfIsZero() {
    MetricResult result = compute("fid", MetricOptions.defaults(), TRAIN, TEST, TRAIN);

    double scale = 2 * Moments.of(TRAIN).trace();
    assertTrue(result.value() >= 0, "FID " + result.value() + " is negative");
    assertTrue(result.value() <= RELATIVE_TOLERANCE * scale, "FID " + result.value());
  }

  @Test
  void rowOrderDoesNotChangeDeterministicMetrics() {
    FeatureSet shuffledTrain = permute(TRAIN, 1);
    FeatureSet shuffledTest = permute(TEST, 2);
    FeatureSet shuffledGen = permute(GEN, 3);

    for (String metric : List.of("fid", "fid_test")) {
      double original = value(metric, TRAIN, TEST, GEN);
      double permuted = value(metric, shuffledTrain, shuffledTest, shuffledGen);
      assertEquals(original, permuted, RELATIVE_TOLERANCE * Math.abs(original), metric);
    }
    for (String metric : SHIFT_INVARIANT_SHARES) {
      double original = value(metric, TRAIN, TEST, GEN);
      double permuted = value(metric, shuffledTrain, shuffledTest, shuffledGen);
      assertEquals(original, permuted, 0.0, metric);
    }
  }

  @Test
  void identicalSetsGiveFullPrecisionAndRecall() {
    assertEquals(1.0, value("precision", GEN, TEST, GEN), 0.0);
    assertEquals(1.0, value("recall", GEN, TEST, GEN), 0.0);
  }

  @Test
  void shiftAndScaleLeaveInvariantMetricsUnchanged() {
    FeatureSet train = quantize(TRAIN, 0, 1);
    FeatureSet test = quantize(TEST, 0, 1);
    FeatureSet gen = quantize(GEN, 0, 1);
    FeatureSet movedTrain = quantize(TRAIN, SHIFT, SCALE);
    FeatureSet movedTest = quantize(TEST, SHIFT, SCALE);
    FeatureSet movedGen = quantize(GEN, SHIFT, SCALE);

    for (String metric : SHIFT_INVARIANT_SHARES) {
      double original = value(metric, train, test, gen);
      double moved = value(metric, movedTrain, movedTest, movedGen);
      assertEquals(original, moved, 0.0, metric);
    }
    double ct = value("ct", train, test, gen);
    double movedCt = value("ct", movedTrain, movedTest, movedGen);
    assertEquals(ct, movedCt, 1e-9 * Math.max(1, Math.abs(ct)), "ct");
    for (String metric : List.of("fid", "fid_test")) {
      double fid = value(metric, train, test, gen);
      double movedFid = value(metric, movedTrain, movedTest, movedGen);
      assertEquals(SCALE * SCALE * fid, movedFid, 1e-7 * movedFid, metric);
    }
  }

  @Test
  void extremeScalesLeaveInvariantMetricsUnchanged() {
    FeatureSet train = quantize(TRAIN, 0, 1);
    FeatureSet test = quantize(TEST, 0, 1);
    FeatureSet gen = quantize(GEN, 0, 1);
    double ct = value("ct", train, test, gen);

    for (double scale : EXTREME_SCALES) {
      FeatureSet scaledTrain = quantize(TRAIN, 0, scale);
      FeatureSet scaledTest = quantize(TEST, 0, scale);
      FeatureSet scaledGen = quantize(GEN, 0, scale);
      for (String metric : SHIFT_INVARIANT_SHARES) {
        double original = value(metric, train, test, gen);
        double scaled = value(metric, scaledTrain, scaledTest, scaledGen);
        assertEquals(original, scaled, 0.0, metric + " at scale " + scale);
      }
      double scaledCt = value("ct", scaledTrain, scaledTest, scaledGen);
      assertEquals(ct, scaledCt, 1e-9 * Math.max(1, Math.abs(ct)), "ct at scale " + scale);
    }
  }

  @Test
  void kidStaysFiniteForHugeFeatures() {
    FeatureSet train = quantize(TRAIN, 0, EXTREME_SCALES.get(0));
    FeatureSet gen = quantize(GEN, 0, EXTREME_SCALES.get(0));
    MetricOptions options = MetricOptions.defaults().with("subsets", 2).with("subset-size", 100);

    MetricResult result = compute("kid", options, train, TEST, gen);

    assertTrue(Double.isFinite(result.value()), "KID " + result.value());
    assertTrue(Double.isFinite(result.extras().get("kid_std")), result.extras().toString());
  }

  @Test
  void precisionRejectsFewerThanKPlusOneRows() {
    FeatureSet fourRows = rows(TRAIN, 4);

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> value("precision", fourRows, TEST, GEN));

    assertTrue(error.getMessage().contains("at least 5 train rows"), error.getMessage());
    assertTrue(error.getMessage().contains("has 4"), error.getMessage());
  }

  @Test
  void recallRejectsFewerThanKPlusOneGenRows() {
    FeatureSet fourRows = rows(GEN, 4);

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> value("recall", TRAIN, TEST, fourRows));

    assertTrue(error.getMessage().contains("at least 5 gen rows"), error.getMessage());
  }

  @Test
  void fidRejectsASingleRow() {
    FeatureSet oneRow = rows(GEN, 1);

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> value("fid", TRAIN, TEST, oneRow));

    assertTrue(error.getMessage().contains("at least 2 gen rows"), error.getMessage());
  }

  @Test
  void fidWarnsWhenRowsDoNotExceedDimensions() {
    FeatureSet fewRows = rows(GEN, 40);

    MetricResult result = compute("fid", MetricOptions.defaults(), TRAIN, TEST, fewRows);

    String warnings = String.join("\n", result.warnings());
    assertTrue(warnings.contains("40 rows for 64 dimensions"), warnings);
    assertTrue(warnings.contains("effective rank 39"), warnings);
    assertTrue(warnings.contains("negative eigenvalues"), warnings);
    assertTrue(result.value() > 0, "FID " + result.value());
  }

  @Test
  void kidClampsSubsetSizeWithWarning() {
    FeatureSet genRows = rows(GEN, 300);

    MetricResult result = compute("kid", MetricOptions.defaults(), TRAIN, TEST, genRows);

    assertEquals(1, result.warnings().size(), result.warnings().toString());
    assertTrue(result.warnings().get(0).contains("subsets of 150 rows"), result.warnings().get(0));
    assertTrue(result.extras().containsKey("kid_std"));
  }

  @Test
  void kidRecordsTheSubsetSizeUsed() {
    FeatureSet genRows = rows(GEN, 300);

    MetricResult result = compute("kid", MetricOptions.defaults(), TRAIN, TEST, genRows);

    assertEquals("150", result.provenance().parameters().get("subset-size"));
    assertEquals("1000", result.provenance().parameters().get("requested-subset-size"));
  }

  @Test
  void everyMetricRecordsTheLibraryAndJavaVersions() {
    MetricOptions options = MetricOptions.defaults();
    List<MetricProvider> providers = new java.util.ArrayList<>(CompanionMetrics.providers());
    providers.addAll(io.fld.metrics.fld.FldMetrics.providers());

    for (MetricProvider provider : providers) {
      Map<String, String> versions =
          provider.create(options).compute(TRAIN, TEST, GEN).provenance().versions();
      assertEquals(Versions.library(), versions.get("fld"), provider.name());
      assertEquals(System.getProperty("java.version"), versions.get("java"), provider.name());
    }
  }

  @Test
  void kidStandardDeviationIsZeroForOneSubset() {
    MetricOptions options = MetricOptions.defaults().with("subsets", 1).with("subset-size", 100);

    MetricResult result = compute("kid", options, TRAIN, TEST, GEN);

    assertEquals(0.0, result.extras().get("kid_std"), 0.0);
  }

  @Test
  void mismatchedDimensionsNameBothDimensions() {
    FeatureSet narrowGen = columns(GEN, 32);

    for (MetricProvider provider : CompanionMetrics.providers()) {
      InvalidInputException error =
          assertThrows(
              InvalidInputException.class,
              () -> provider.create(MetricOptions.defaults()).compute(TRAIN, TEST, narrowGen),
              provider.name());
      assertTrue(error.getMessage().contains("dimension 64"), error.getMessage());
      assertTrue(error.getMessage().contains("dimension 32"), error.getMessage());
    }
  }

  @Test
  void checkInputsRejectsWhatComputeRejects() {
    FeatureSet narrowGen = columns(GEN, 32);
    List<Object[]> cases =
        List.of(
            new Object[] {"fid", TRAIN, TEST, rows(GEN, 1)},
            new Object[] {"fid_test", TRAIN, null, GEN},
            new Object[] {"kid", TRAIN, TEST, rows(GEN, 3)},
            new Object[] {"kid_test", TRAIN, TEST, narrowGen},
            new Object[] {"precision", rows(TRAIN, 4), TEST, GEN},
            new Object[] {"recall", TRAIN, TEST, rows(GEN, 4)},
            new Object[] {"authpct", rows(TRAIN, 1), TEST, GEN},
            new Object[] {"ct", rows(TRAIN, 2), TEST, GEN},
            new Object[] {"ct", TRAIN, TEST, rows(GEN, 20)});

    for (Object[] row : cases) {
      String id = (String) row[0];
      FeatureSet train = (FeatureSet) row[1];
      FeatureSet test = (FeatureSet) row[2];
      FeatureSet gen = (FeatureSet) row[3];
      Metric metric = provider(id).create(MetricOptions.defaults());

      InvalidInputException checked =
          assertThrows(InvalidInputException.class, () -> metric.checkInputs(train, test, gen), id);
      InvalidInputException computed =
          assertThrows(InvalidInputException.class, () -> metric.compute(train, test, gen), id);
      assertEquals(computed.getMessage(), checked.getMessage(), id);
    }
  }

  @Test
  void checkInputsAcceptsValidSets() {
    for (MetricProvider provider : CompanionMetrics.providers()) {
      Metric metric = provider.create(MetricOptions.defaults());

      assertDoesNotThrow(() -> metric.checkInputs(TRAIN, TEST, GEN), provider.name());
    }
  }

  @Test
  void missingSetIsNamed() {
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> value("fid_test", TRAIN, null, GEN));

    assertTrue(error.getMessage().contains("test features"), error.getMessage());
  }

  @Test
  void copyingTestRejectsCellWithoutTestRows() {
    FeatureSet oneTestRow = rows(TEST, 1);

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> value("ct", TRAIN, oneTestRow, GEN));

    String message = error.getMessage();
    assertTrue(message.contains("k-means cells "), message);
    assertTrue(message.contains(" of 3 contain no test row"), message);
    assertTrue(message.contains("set cells lower"), message);
    assertTrue(message.startsWith("k-means"), message);
  }

  @Test
  void inputErrorsLeaveOutMetricPrefix() {
    for (MetricProvider provider : CompanionMetrics.providers()) {
      Metric metric = provider.create(MetricOptions.defaults());

      InvalidInputException error =
          assertThrows(
              InvalidInputException.class,
              () -> metric.checkInputs(TRAIN, TEST, null),
              provider.name());
      String message = error.getMessage();
      assertTrue(message.startsWith("no gen features were given"), message);
      assertTrue(message.contains("pass the gen set"), message);
    }
  }

  @Test
  void optionAboveMaximumIsRejected() {
    List<String[]> cases =
        List.of(
            new String[] {"kid", "subsets", "2147483647", "[1, 10000]"},
            new String[] {"kid_test", "subsets", "10001", "[1, 10000]"},
            new String[] {"ct", "restarts", "1001", "[1, 1000]"},
            new String[] {"ct", "cells", "1001", "[1, 1000]"},
            new String[] {"precision", "k", "101", "[1, 100]"},
            new String[] {"recall", "k", "2147483647", "[1, 100]"});

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
  void integerBeyondIntRangeNamesRange() {
    MetricOptions options = MetricOptions.defaults().with("gen-size", "99999999999");

    for (String id : List.of("fid", "kid", "authpct")) {
      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> provider(id).create(options), id);

      String message = error.getMessage();
      assertTrue(message.contains("option gen-size of metric " + id), message);
      assertTrue(message.contains("2147483647]"), message);
    }
  }

  @Test
  void kidSubsetSeedHelpMentionsMetricSeed() {
    String help =
        provider("kid").options().stream()
            .filter(spec -> spec.name().equals("subset-seed"))
            .findFirst()
            .orElseThrow()
            .description();
    MetricOptions options =
        MetricOptions.defaults()
            .with("subsets", 2)
            .with("subset-size", 100)
            .with("subset-seed", 42);

    double seedZero = compute("kid", options.withSeed(0), TRAIN, TEST, GEN).value();
    double seedSeven = compute("kid", options.withSeed(7), TRAIN, TEST, GEN).value();

    assertTrue(seedZero != seedSeven, "KID did not change with the seed: " + seedZero);
    assertTrue(help.contains("--seed still changes KID"), help);
    assertTrue(help.contains("shuffles the generated rows"), help);
  }

  @Test
  void setsOfFarApartScalesAreRejected() {
    FeatureSet tinyTrain = scaled(TRAIN, 0x1p-67);

    for (String id : List.of("precision", "recall", "authpct", "ct")) {
      Metric metric = provider(id).create(MetricOptions.defaults());

      InvalidInputException checked =
          assertThrows(
              InvalidInputException.class, () -> metric.checkInputs(tinyTrain, TEST, GEN), id);
      InvalidInputException computed =
          assertThrows(InvalidInputException.class, () -> metric.compute(tinyTrain, TEST, GEN), id);
      String message = computed.getMessage();
      assertEquals(message, checked.getMessage(), id);
      assertTrue(message.contains("the train features (scaled "), message);
      assertTrue(message.contains("differ in scale by a factor beyond about 1e15"), message);
      assertTrue(message.contains("same feature extractor"), message);
    }
  }

  @Test
  void sizeOptionsDrawSubsets() {
    MetricOptions fidOptions = MetricOptions.defaults().with("gen-size", 200).with("ref-size", 300);
    MetricOptions authPctOptions =
        MetricOptions.defaults().with("gen-size", 100).with("train-size", 400);

    MetricResult fid = compute("fid", fidOptions, TRAIN, TEST, GEN);
    MetricResult authPct = compute("authpct", authPctOptions, TRAIN, TEST, GEN);

    assertEquals(200, fid.provenance().counts().get("gen"));
    assertEquals(300, fid.provenance().counts().get("train"));
    assertEquals(100, authPct.provenance().counts().get("gen"));
    assertEquals(400, authPct.provenance().counts().get("train"));
  }

  @Test
  void seedChangesSubsetsReproducibly() {
    MetricOptions options = MetricOptions.defaults().with("gen-size", 200);

    double first = compute("fid", options.withSeed(1), TRAIN, TEST, GEN).value();
    double again = compute("fid", options.withSeed(1), TRAIN, TEST, GEN).value();
    double other = compute("fid", options.withSeed(2), TRAIN, TEST, GEN).value();

    assertEquals(first, again, 0.0);
    assertTrue(first != other, "seeds 1 and 2 gave the same FID " + first);
  }

  @Test
  void unknownOptionIsRejected() {
    MetricProvider fid = provider("fid");

    assertThrows(
        InvalidInputException.class, () -> fid.create(MetricOptions.defaults().with("k", 3)));
  }

  @Test
  void resultCarriesProvenance() {
    MetricResult result =
        compute("precision", MetricOptions.defaults().withSeed(5), TRAIN, TEST, GEN);

    assertEquals(5, result.provenance().seed());
    assertEquals("4", result.provenance().parameters().get("k"));
    assertEquals(1000, result.provenance().counts().get("train"));
    assertEquals(500, result.provenance().counts().get("gen"));
    assertTrue(result.provenance().versions().containsKey("openblas"));
  }

  private static double value(String metric, FeatureSet train, FeatureSet test, FeatureSet gen) {
    return compute(metric, MetricOptions.defaults(), train, test, gen).value();
  }

  private static MetricResult compute(
      String metric, MetricOptions options, FeatureSet train, FeatureSet test, FeatureSet gen) {
    return provider(metric).create(options).compute(train, test, gen);
  }

  private static MetricProvider provider(String metric) {
    return CompanionMetrics.providers().stream()
        .filter(p -> p.name().equals(metric))
        .findFirst()
        .orElseThrow();
  }

  private static FeatureSet rows(FeatureSet set, int count) {
    return set.select(IntStream.range(0, count).toArray());
  }

  private static FeatureSet permute(FeatureSet set, long seed) {
    List<Integer> order =
        new java.util.ArrayList<>(IntStream.range(0, set.rows()).boxed().toList());
    java.util.Collections.shuffle(order, new Random(seed));
    return set.select(order.stream().mapToInt(Integer::intValue).toArray());
  }

  private static FeatureSet scaled(FeatureSet set, double scale) {
    float[] values = set.toArray();
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (values[i] * scale);
    }
    return FeatureSet.wrap(
        values,
        set.rows(),
        set.dimension(),
        FeatureProvenance.ofSource("scaled " + set.provenance().source()));
  }

  private static FeatureSet columns(FeatureSet set, int count) {
    float[][] narrowed = new float[set.rows()][count];
    for (int row = 0; row < set.rows(); row++) {
      System.arraycopy(set.row(row), 0, narrowed[row], 0, count);
    }
    return FeatureSet.of(narrowed, "narrowed " + set.provenance().source());
  }

  /**
   * Returns {@code scale * (shift + q)} for each value rounded to a multiple of 2^-10, q. The
   * quantum keeps both the shifted and the scaled values exact in single precision, so any
   * difference between the results comes from the metric, not from the input.
   */
  private static FeatureSet quantize(FeatureSet set, double shift, double scale) {
    float[] values = set.toArray();
    for (int i = 0; i < values.length; i++) {
      double quantized = Math.rint(values[i] / QUANTUM) * QUANTUM;
      values[i] = (float) (scale * (shift + quantized));
    }
    return FeatureSet.wrap(
        values,
        set.rows(),
        set.dimension(),
        FeatureProvenance.ofSource("quantized " + set.provenance().source()));
  }
}
