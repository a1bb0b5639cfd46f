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
 * Runs {@code fld evaluate} on the reference Gaussian features and compares the metrics that draw
 * nothing at random with the values of the Python implementation on the same files.
 */
class ReferenceValuesTest {
  /** The reference features and values, kept with the metrics module's test resources. */
  private static final Path REFERENCE = Path.of("../fld-metrics/src/test/resources/reference");

  /** FID relative tolerance: the reference accumulates means and covariances in float32. */
  private static final double FID_RTOL = 1e-4;

  /** Absolute tolerance of shares and AuthPct, which are ratios of counts. */
  private static final double COUNT_ATOL = 1e-6;

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
}
