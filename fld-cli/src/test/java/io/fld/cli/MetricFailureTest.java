package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fld.api.feature.FeatureSet;
import io.fld.core.io.FeatureFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metric that fails while computing or gives a non-finite value is reported while the others
 * still print. A metric that rejects the inputs up front stops the command before any computes.
 */
class MetricFailureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOO_FEW = "test_gap.min-gen-rows=5";
  private static final String INVALID = "test_gap.raise=invalid";
  private static final String INVALID_MESSAGE = "test_gap rejected the gen rows while computing";
  private static final String OVERFLOW = "test_gap.scale=1e308";

  @TempDir Path work;

  private CliRunner cli;
  private List<String> sets;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliRunner(work.resolve("home"));
    sets =
        List.of(
            "evaluate",
            "--train",
            write("train.npy", new float[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}}),
            "--test",
            write("test.npy", new float[][] {{1, 2}, {3, 4}, {5, 6}}),
            "--gen",
            write("gen.npy", new float[][] {{4, 4}, {5, 5}}),
            "--metrics",
            "test_gap,test_spread");
  }

  private String write(String name, float[][] rows) throws IOException {
    Path file = work.resolve(name);
    FeatureFiles.write(file, FeatureSet.of(rows, name));
    return file.toString();
  }

  private CliRunner.Result evaluate(String... extra) {
    List<String> args = new ArrayList<>(sets);
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  @Test
  void failedMetricInJson() throws IOException {
    CliRunner.Result result = evaluate("--format", "json", "--option", INVALID);

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    JsonNode root = JSON.readTree(result.out());
    assertEquals(3.5, root.path("metrics").path("test_spread").asDouble());
    assertFalse(root.path("metrics").has("test_gap"));
    assertEquals(INVALID_MESSAGE, root.path("errors").path("test_gap").asText());
    assertTrue(result.err().contains(INVALID_MESSAGE), result.err());
  }

  @Test
  void failedMetricInTable() {
    CliRunner.Result result = evaluate("--option", INVALID);

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    List<String> lines = result.out().lines().toList();
    assertTrue(lines.contains("test_spread      3.50000"), result.out());
    assertTrue(lines.contains("test_gap         error"), result.out());
    assertTrue(lines.contains("  test_gap: " + INVALID_MESSAGE), result.out());
  }

  @Test
  void rejectedInputComputesNothing() throws IOException {
    CliRunner.Result result = evaluate("--format", "json", "--option", TOO_FEW);

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    JsonNode root = JSON.readTree(result.out());
    assertEquals(0, root.path("metrics").size(), result.out());
    assertEquals(
        "test_gap needs at least 5 gen rows, got 2", root.path("errors").path("test_gap").asText());
    assertEquals(
        "not computed, because test_gap rejected the input",
        root.path("errors").path("test_spread").asText());
    assertTrue(result.err().contains("no metric was computed"), result.err());
  }

  @Test
  void failedMetricInCsvHasNoValue() {
    CliRunner.Result result = evaluate("--format", "csv", "--option", INVALID);

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertEquals(
        List.of("metric,value", "test_spread,3.5", "test_spread_std,4.5", "test_gap,"),
        result.out().lines().toList());
  }

  @Test
  void nonFiniteValueIsAnError() throws IOException {
    CliRunner.Result result = evaluate("--format", "json", "--option", OVERFLOW);

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    JsonNode root = JSON.readTree(result.out());
    assertEquals(3.5, root.path("metrics").path("test_spread").asDouble());
    String message = root.path("errors").path("test_gap").asText();
    assertTrue(message.startsWith("test_gap is not a finite number (Infinity)"), message);
    assertTrue(message.endsWith("the largest absolute feature value is 6.0"), message);
  }

  @Test
  void outOfMemoryInOneLine() {
    CliRunner.Result result = evaluate("--option", "test_gap.raise=out-of-memory");

    assertEquals(Main.FAILURE, result.status(), result.err());
    long heap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    List<String> lines = result.err().lines().toList();
    assertEquals(
        "fld: error: fld evaluate ran out of memory with a maximum heap of "
            + heap
            + " MiB; set FLD_JAVA_OPTS=-Xmx16g (or more) to raise it, or give smaller inputs",
        lines.get(lines.size() - 1));
    assertFalse(result.err().contains("\tat "), "stack trace: " + result.err());
  }
}
