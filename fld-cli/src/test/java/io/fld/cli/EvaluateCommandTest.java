package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fld.api.feature.FeatureSet;
import io.fld.core.io.FeatureFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
  private static final double TOLERANCE = 1e-12;
  private static final int LARGE_ROWS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  private CliRunner cli;
  private Path train;
  private Path test;
  private Path gen;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliRunner(work.resolve("home"));
    train = write("train.npy", new float[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}});
    test = write("test.npy", new float[][] {{1, 2}, {3, 4}, {5, 6}});
    gen = write("gen.npy", new float[][] {{4, 4}, {5, 5}});
  }

  private Path write(String name, float[][] rows) throws IOException {
    Path file = work.resolve(name);
    FeatureFiles.write(file, FeatureSet.of(rows, name));
    return file;
  }

  private List<String> sets(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "evaluate",
                "--train",
                train.toString(),
                "--test",
                test.toString(),
                "--gen",
                gen.toString()));
    args.addAll(List.of(extra));
    return args;
  }

  private CliRunner.Result evaluate(String... extra) {
    return cli.run(sets(extra).toArray(String[]::new));
  }

  private static void assertInvalid(CliRunner.Result result, String... fragments) {
    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertEquals("", result.out());
    for (String fragment : fragments) {
      assertTrue(result.err().contains(fragment), "missing '" + fragment + "' in " + result.err());
    }
    assertFalse(result.err().contains("\tat "), "stack trace without --verbose: " + result.err());
  }

  @Test
  void jsonShape() throws IOException {
    CliRunner.Result result = evaluate("--metrics", "test_gap,test_spread", "--format", "json");

    assertEquals(Main.OK, result.status(), result.err());
    JsonNode root = JSON.readTree(result.out());
    // Means: train 1.5, test 3.5, gen 4.5.
    assertEquals(3.0, root.path("metrics").path("test_gap").asDouble(), TOLERANCE);
    assertEquals(3.5, root.path("metrics").path("test_spread").asDouble(), TOLERANCE);
    assertEquals(4.5, root.path("metrics").path("test_spread_std").asDouble(), TOLERANCE);
    assertEquals(3, root.path("metrics").size());
    assertEquals(4, root.path("counts").path("train").asInt());
    assertEquals(3, root.path("counts").path("test").asInt());
    assertEquals(2, root.path("counts").path("gen").asInt());
    assertEquals("none", root.path("extractor").asText());
    assertEquals(0, root.path("seed").asLong());
    assertTrue(root.path("warnings").isArray());
  }

  @Test
  void jsonProvenance() throws IOException {
    CliRunner.Result result = evaluate("--metrics", "test_gap", "--format", "json", "--seed", "17");

    JsonNode provenance = JSON.readTree(result.out()).path("provenance");
    assertTrue(provenance.path("versions").path("fld").isTextual());
    assertTrue(
        provenance
            .path("versions")
            .path("java")
            .asText()
            .startsWith(System.getProperty("java.version")));
    assertTrue(provenance.path("versions").path("os").isTextual());
    assertEquals(train.toString(), provenance.path("inputs").path("train").path("source").asText());
    JsonNode metric = provenance.path("metrics").path("test_gap");
    assertEquals("1.0", metric.path("parameters").path("scale").asText());
    assertEquals(17, metric.path("seed").asLong());
    assertEquals(17, JSON.readTree(result.out()).path("seed").asLong());
  }

  @Test
  void warningsReported() throws IOException {
    CliRunner.Result result = evaluate("--metrics", "test_gap", "--format", "json");

    JsonNode warnings = JSON.readTree(result.out()).path("warnings");
    assertEquals(1, warnings.size());
    assertEquals("test_gap: gen has only 2 rows", warnings.get(0).asText());
  }

  @Test
  void tableAligned() {
    CliRunner.Result result = evaluate("--metrics", "test_spread,test_gap");

    assertEquals(Main.OK, result.status(), result.err());
    List<String> lines = result.out().lines().toList();
    assertEquals("metric           value", lines.get(0));
    assertEquals("test_spread      3.50000", lines.get(1));
    assertEquals("test_spread_std  4.50000", lines.get(2));
    assertEquals("test_gap         3.00000", lines.get(3));
    assertTrue(result.out().contains("seed 0, extractor none, train 4, test 3, gen 2"));
    assertTrue(result.out().contains("warnings:\n  test_gap: gen has only 2 rows"));
  }

  @Test
  void csvRows() {
    CliRunner.Result result = evaluate("--metrics", "test_gap,test_spread", "--format", "csv");

    assertEquals(
        List.of("metric,value", "test_gap,3.0", "test_spread,3.5", "test_spread_std,4.5"),
        result.out().lines().toList());
  }

  @Test
  void outputFileInsteadOfStdout() throws IOException {
    Path report = work.resolve("reports/result.json");

    CliRunner.Result result =
        evaluate("--metrics", "test_gap", "--format", "json", "--output", report.toString());

    assertEquals(Main.OK, result.status(), result.err());
    assertEquals("", result.out());
    assertEquals(3.0, JSON.readTree(report.toFile()).path("metrics").path("test_gap").asDouble());
    try (var files = Files.list(report.getParent())) {
      assertEquals(1, files.count(), "temporary file left behind");
    }
  }

  /** Returns {@code rows} standard normal rows of two columns, enough for every metric. */
  private static float[][] gaussian(int rows, long seed) {
    java.util.Random random = new java.util.Random(seed);
    float[][] values = new float[rows][2];
    for (float[] row : values) {
      row[0] = (float) random.nextGaussian();
      row[1] = (float) random.nextGaussian();
    }
    return values;
  }

  @Test
  void defaultMetricsSkipWhatSetsLack() throws IOException {
    Path largeTrain = write("large-train.npy", gaussian(LARGE_ROWS, 1));
    Path largeGen = write("large-gen.npy", gaussian(LARGE_ROWS, 2));

    CliRunner.Result result =
        cli.run(
            "evaluate",
            "--train",
            largeTrain.toString(),
            "--gen",
            largeGen.toString(),
            "--format",
            "json");

    assertEquals(Main.OK, result.status(), result.err());
    JsonNode root = JSON.readTree(result.out());
    assertTrue(root.path("metrics").has("test_gap"));
    assertFalse(root.path("metrics").has("test_spread"));
    assertTrue(
        root.path("warnings").toString().contains("skipped test_spread: it needs --test"),
        root.path("warnings").toString());
  }

  @Test
  void nothingComputableRejected() {
    CliRunner.Result result = cli.run("evaluate", "--gen", gen.toString());

    assertInvalid(
        result,
        "no metric can be computed from the given sets",
        "skipped test_gap: it needs --train",
        "skipped test_spread: it needs --test");
  }

  @Test
  void seedLogged() {
    CliRunner.Result result = evaluate("--metrics", "test_gap", "--seed", "42");

    assertTrue(result.err().contains("with seed 42"), result.err());
  }

  @Test
  void metricOptionApplied() throws IOException {
    CliRunner.Result result =
        evaluate("--metrics", "test_gap", "--format", "json", "--option", "test_gap.scale=2.5");

    assertEquals(Main.OK, result.status(), result.err());
    assertEquals(7.5, JSON.readTree(result.out()).path("metrics").path("test_gap").asDouble());
  }

  @Test
  void unknownMetricOptionRejected() {
    CliRunner.Result result = evaluate("--metrics", "test_gap", "--option", "test_gap.bogus=1");

    assertInvalid(result, "unknown option 'bogus' for metric test_gap", "scale");
  }

  @Test
  void optionForUnselectedMetricRejected() {
    CliRunner.Result result = evaluate("--metrics", "test_gap", "--option", "test_spread.x=1");

    assertInvalid(result, "--option test_spread.x", "not among the metrics to compute: test_gap");
  }

  @Test
  void optionWithoutMetricRejected() {
    CliRunner.Result result = evaluate("--metrics", "test_gap", "--option", "scale=2");

    assertInvalid(result, "metric.option=value");
  }

  @Test
  void invalidOptionValueRejected() {
    CliRunner.Result result = evaluate("--metrics", "test_gap", "--option", "test_gap.scale=big");

    assertInvalid(result, "'big'");
  }

  @Test
  void unknownMetricListsAvailable() {
    CliRunner.Result result = evaluate("--metrics", "tset_gap");

    assertInvalid(
        result, "no metric named 'tset_gap'; available metrics:", "test_gap", "test_spread");
  }

  @Test
  void missingFileNamed() {
    Path absent = work.resolve("absent.npy");

    CliRunner.Result result =
        cli.run("evaluate", "--train", absent.toString(), "--gen", gen.toString());

    assertInvalid(result, "--train " + absent + " does not exist");
  }

  @Test
  void dimensionMismatchShowsBoth() throws IOException {
    Path wide = write("wide.npy", new float[][] {{1, 2, 3}, {4, 5, 6}});

    CliRunner.Result result =
        cli.run("evaluate", "--train", train.toString(), "--gen", wide.toString());

    assertInvalid(result, "--train " + train + " has 2 columns", "--gen " + wide + " has 3");
  }

  @Test
  void folderNeedsExtractor() throws IOException {
    Path folder = Files.createDirectories(work.resolve("images"));

    CliRunner.Result result =
        cli.run("evaluate", "--train", train.toString(), "--gen", folder.toString());

    assertInvalid(result, "--gen " + folder + " is a folder; give --extractor ID");
  }

  @Test
  void unknownExtensionRejected() throws IOException {
    Path text = Files.writeString(work.resolve("gen.txt"), "1 2\n");

    CliRunner.Result result =
        cli.run("evaluate", "--train", train.toString(), "--gen", text.toString());

    assertInvalid(result, "--gen " + text, ".npy, .npz or .safetensors");
  }

  @Test
  void requiredSetMissingRejected() {
    CliRunner.Result result =
        cli.run(
            "evaluate",
            "--train",
            train.toString(),
            "--gen",
            gen.toString(),
            "--metrics",
            "test_spread");

    assertInvalid(result, "metric test_spread needs --test");
  }

  @Test
  void nonFiniteValueNamed() throws IOException {
    Path broken = write("nan.npy", new float[][] {{1, 2}, {3, 4}});
    byte[] bytes = Files.readAllBytes(broken);
    // The last four bytes hold the float32 value 4.0 at row 1, column 1; 0x7fc00000 is NaN.
    bytes[bytes.length - 4] = 0;
    bytes[bytes.length - 3] = 0;
    bytes[bytes.length - 2] = (byte) 0xc0;
    bytes[bytes.length - 1] = 0x7f;
    Files.write(broken, bytes);

    CliRunner.Result result =
        cli.run("evaluate", "--train", train.toString(), "--gen", broken.toString());

    assertInvalid(result, "nan.npy", "row 1, column 1");
  }

  @Test
  void invalidFormatIsUsageError() {
    CliRunner.Result result = evaluate("--format", "xml");

    assertInvalid(result, "--format", "xml");
  }

  @Test
  void unknownFlagIsUsageError() {
    CliRunner.Result result = evaluate("--nonsense");

    assertInvalid(result, "Unknown option: '--nonsense'");
  }

  @Test
  void verboseShowsStackTrace() {
    Path absent = work.resolve("absent.npy");

    CliRunner.Result result =
        cli.run("evaluate", "-v", "--train", absent.toString(), "--gen", gen.toString());

    assertEquals(Main.INVALID_INPUT, result.status());
    assertTrue(result.err().contains("\tat "), result.err());
  }

  @Test
  void emptyMetricListRejected() {
    CliRunner.Result result = evaluate("--metrics", ",");

    assertInvalid(result, "--metrics contains no metric id");
  }

  @Test
  void everyUnknownMetricListed() {
    CliRunner.Result result = evaluate("--metrics", "test_gap,nope,other");

    assertInvalid(result, "no metrics named 'nope', 'other'", "test_spread");
  }

  @Test
  void optionGivenTwiceRejected() {
    CliRunner.Result result =
        evaluate(
            "--metrics",
            "test_gap",
            "--option",
            "test_gap.scale=2",
            "--option",
            "test_gap.scale=3");

    assertInvalid(result, "test_gap.scale is given twice, as 2 and as 3");
  }

  @Test
  void optionRepeatedWithSameValueAccepted() {
    CliRunner.Result result =
        evaluate(
            "--metrics",
            "test_gap",
            "--option",
            "test_gap.scale=2",
            "--option",
            "test_gap.scale=2");

    assertEquals(Main.OK, result.status(), result.err());
  }

  @Test
  void optionWithoutValueRejected() {
    CliRunner.Result result = evaluate("--metrics", "test_gap", "--option", "test_gap.scale");

    assertInvalid(result, "needs the form NAME=VALUE");
  }

  @Test
  void outputOverInputRejected() throws IOException {
    byte[] before = Files.readAllBytes(gen);

    CliRunner.Result result = evaluate("--metrics", "test_gap", "--output", gen.toString());

    assertInvalid(result, "--output " + gen, "is the --gen input");
    assertArrayEquals(before, Files.readAllBytes(gen));
  }

  @Test
  void extractionOptionsWithFeatureFilesWarn() {
    CliRunner.Result result =
        evaluate("--metrics", "test_gap", "--device", "cuda", "--skip-invalid");

    assertEquals(Main.OK, result.status(), result.err());
    assertTrue(
        result.err().contains("--device, --skip-invalid not used because every input is a"),
        result.err());
  }

  @Test
  void failedStandardOutputIsAnError() {
    PrintStream broken =
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw new IOException("No space left on device");
              }
            },
            true,
            StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Main.run(
            sets("--metrics", "test_gap").toArray(String[]::new),
            broken,
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of("FLD_HOME", work.resolve("home").toString()));

    assertEquals(Main.FAILURE, status);
    assertTrue(
        err.toString(StandardCharsets.UTF_8).contains("writing to standard output failed"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void versionPrinted() {
    CliRunner.Result result = cli.run("--version");

    assertEquals(Main.OK, result.status());
    assertTrue(result.out().startsWith("fld 0."), result.out());
  }

  @Test
  void missingCommandIsUsageError() {
    CliRunner.Result result = cli.run();

    assertEquals(Main.INVALID_INPUT, result.status());
    assertTrue(result.err().contains("missing command"), result.err());
  }

  @Test
  void helpListsCommands() {
    CliRunner.Result result = cli.run("--help");

    assertEquals(Main.OK, result.status());
    for (String command : List.of("evaluate", "scores", "extract", "list")) {
      assertTrue(result.out().contains(command), command);
    }
  }
}
