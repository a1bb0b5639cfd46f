package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code fld evaluate} and {@code fld scores} on the reference Gaussian features and compares
 * the output with the values of the Python implementation on the same files.
 */
class ReferenceValuesTest {
  /** The reference features and values, kept with the metrics module's test resources. */
  private static final Path REFERENCE = Path.of("../fld-metrics/src/test/resources/reference");

  /** FID relative tolerance: the reference accumulates means and covariances in float32. */
  private static final double FID_RTOL = 1e-4;

  /** Absolute tolerance of shares and AuthPct, which are ratios of counts. */
  private static final double COUNT_ATOL = 1e-6;

  /**
   * Relative tolerance of one per-sample score. Against the mean of the reference's five seeds,
   * ours differ by at most 6e-4 relative on these features. Single rows of the reference spread by
   * up to 1.4e-3 over its seeds, because each fit starts from differently shuffled rows.
   */
  private static final double SCORE_RTOL = 1e-3;

  /** Bound on the mean absolute difference over all rows, which measured 2e-6 for memorization. */
  private static final double SCORE_MEAN_ATOL = 1e-5;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  private static double reference(String metric) throws IOException {
    JsonNode values = JSON.readTree(REFERENCE.resolve("values.json").toFile());
    return values
        .path("families")
        .path("gauss")
        .path("sets")
        .path("good")
        .path("metrics")
        .path(metric)
        .path("mean")
        .asDouble();
  }

  private static void assertClose(
      double expected, double actual, double rtol, double atol, String what) {
    double bound = atol + rtol * Math.abs(expected);
    assertTrue(
        Math.abs(actual - expected) <= bound,
        what + ": expected " + expected + " but got " + actual + " (bound " + bound + ")");
  }

  @Test
  void deterministicMetricsMatchReference() throws IOException {
    Path gauss = REFERENCE.resolve("gauss");
    CliRunner cli = new CliRunner(work.resolve("home"));

    CliRunner.Result result =
        cli.run(
            "evaluate",
            "--train",
            gauss.resolve("train.npy").toString(),
            "--test",
            gauss.resolve("test.npy").toString(),
            "--gen",
            gauss.resolve("good.npy").toString(),
            "--metrics",
            "fid,fid_test,precision,recall,authpct",
            "--format",
            "json");

    assertEquals(Main.OK, result.status(), result.err());
    JsonNode metrics = JSON.readTree(result.out()).path("metrics");
    assertClose(reference("FID Train"), metrics.path("fid").asDouble(), FID_RTOL, 0, "fid");
    assertClose(
        reference("FID Test"), metrics.path("fid_test").asDouble(), FID_RTOL, 0, "fid_test");
    assertClose(
        reference("Precision"), metrics.path("precision").asDouble(), 0, COUNT_ATOL, "precision");
    assertClose(reference("Recall"), metrics.path("recall").asDouble(), 0, COUNT_ATOL, "recall");
    assertClose(
        reference("AuthPct"), metrics.path("authpct").asDouble(), 0, COUNT_ATOL * 100, "authpct");
  }

  /** Returns the mean over seeds of the reference's per-sample scores, one value per gen row. */
  private static double[] referenceScores(String set, String kind) throws IOException {
    Path file = REFERENCE.resolve("gauss/persample/" + set + "__" + kind + ".npy");
    io.fld.api.feature.FeatureSet perSeed = io.fld.core.io.FeatureFiles.read(file);
    double[] mean = new double[perSeed.dimension()];
    for (int seed = 0; seed < perSeed.rows(); seed++) {
      for (int row = 0; row < mean.length; row++) {
        mean[row] += perSeed.get(seed, row) / perSeed.rows();
      }
    }
    return mean;
  }

  @Test
  void sampleScoresMatchReference() throws IOException {
    Path gauss = REFERENCE.resolve("gauss");
    CliRunner cli = new CliRunner(work.resolve("home"));

    for (String kind : java.util.List.of("memorization", "quality")) {
      Path output = work.resolve(kind + ".csv");
      CliRunner.Result result =
          cli.run(
              "scores",
              "--kind",
              kind,
              "--train",
              gauss.resolve("train.npy").toString(),
              "--test",
              gauss.resolve("test.npy").toString(),
              "--gen",
              gauss.resolve("good.npy").toString(),
              "--output",
              output.toString());

      assertEquals(Main.OK, result.status(), result.err());
      java.util.List<String> lines = java.nio.file.Files.readAllLines(output);
      double[] expected = referenceScores("good", kind);
      assertEquals("index,name,score", lines.get(0));
      assertEquals(expected.length + 1, lines.size(), kind + " rows");
      double totalDifference = 0;
      for (int row = 0; row < expected.length; row++) {
        String[] cells = lines.get(row + 1).split(",");
        assertEquals(Integer.toString(row), cells[0]);
        double actual = Double.parseDouble(cells[2]);
        assertClose(expected[row], actual, SCORE_RTOL, 0, kind + " of gen row " + row);
        totalDifference += Math.abs(actual - expected[row]);
      }
      double meanDifference = totalDifference / expected.length;
      assertTrue(meanDifference <= SCORE_MEAN_ATOL, kind + " mean difference " + meanDifference);
    }
  }
}
