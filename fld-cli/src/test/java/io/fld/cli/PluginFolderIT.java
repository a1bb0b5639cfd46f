package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fld.api.feature.FeatureSet;
import io.fld.core.io.FeatureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the separately built example plugin from a plugin folder, as a user would: the jar is
 * copied there by the build and is not on the test class path.
 */
class PluginFolderIT {
  /** Where the build copies the example plugin jar. */
  static final Path EXAMPLE_JAR = Path.of("target/test-plugins/fld-example-plugin.jar");

  private static final double TOLERANCE = 1e-6;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  private Path home;
  private Path plugins;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws IOException {
    assertTrue(Files.isRegularFile(EXAMPLE_JAR), "build the example plugin first: " + EXAMPLE_JAR);
    home = work.resolve("home");
    plugins = Files.createDirectories(work.resolve("plugins"));
    Files.copy(EXAMPLE_JAR, plugins.resolve("fld-example-plugin.jar"));
    cli = new CliRunner(home);
  }

  private Path csvFolder(String name, String... files) throws IOException {
    Path folder = Files.createDirectories(work.resolve(name));
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(folder.resolve(files[i]), files[i + 1]);
    }
    return folder;
  }

  @Test
  void exampleNotOnClassPath() {
    CliRunner.Result result = cli.run("list");

    assertEquals(Main.OK, result.status(), result.err());
    assertFalse(result.out().contains("mean_shift"), result.out());
  }

  @Test
  void listShowsProvidersAndJar() {
    CliRunner.Result result = cli.run("list", "--plugins", plugins.toString());

    assertEquals(Main.OK, result.status(), result.err());
    String out = result.out();
    assertTrue(out.contains("  mean_shift  distance between the mean of gen"), out);
    assertTrue(out.contains("--option mean_shift.norm=l1|l2 (default l2)"), out);
    assertTrue(out.contains("  identity  passes rows of 4 numbers"), out);
    assertTrue(out.contains("(dimension 4, reads float[])"), out);
    assertTrue(out.contains("  csv-folder  folders of .csv files"), out);
    assertTrue(out.contains("  test_nearest  "), out);
    assertTrue(out.contains("from example: " + plugins.resolve("fld-example-plugin.jar")), out);
    assertTrue(out.contains("io.fld.example.ExamplePlugin"), out);
  }

  @Test
  void homePluginFolderLoaded() throws IOException {
    Path homePlugins = Files.createDirectories(home.resolve("plugins"));
    Files.copy(EXAMPLE_JAR, homePlugins.resolve("example.jar"));

    CliRunner.Result result = cli.run("list");

    assertEquals(Main.OK, result.status(), result.err());
    assertTrue(result.out().contains("from example: " + homePlugins.resolve("example.jar")));
  }

  @Test
  void pluginMetricComputes() throws IOException {
    Path train = work.resolve("train.npy");
    Path gen = work.resolve("gen.npy");
    FeatureFiles.write(train, FeatureSet.of(new float[][] {{0, 0}, {2, 0}}, "train"));
    FeatureFiles.write(gen, FeatureSet.of(new float[][] {{4, 4}, {4, 2}}, "gen"));

    CliRunner.Result result =
        cli.run(
            "evaluate",
            "--plugins",
            plugins.toString(),
            "--train",
            train.toString(),
            "--gen",
            gen.toString(),
            "--metrics",
            "mean_shift",
            "--format",
            "json");

    assertEquals(Main.OK, result.status(), result.err());
    double value = JSON.readTree(result.out()).path("metrics").path("mean_shift").asDouble();
    assertEquals(Math.sqrt(18), value, TOLERANCE);
  }

  @Test
  void extractWritesSortedRows() throws IOException {
    Path input = csvFolder("rows", "b.csv", "5,6,7,8\n", "a.csv", "1,2,3,4\n0,0,0,1\n");
    Path output = work.resolve("out/features.npy");

    CliRunner.Result result =
        cli.run(
            "extract",
            "--plugins",
            plugins.toString(),
            "--extractor",
            "identity",
            "--input",
            input.toString(),
            "--output",
            output.toString(),
            "--no-cache");

    assertEquals(Main.OK, result.status(), result.err());
    FeatureSet features = FeatureFiles.read(output);
    assertEquals(3, features.rows());
    assertArrayEquals(new float[] {1, 2, 3, 4}, features.row(0));
    assertArrayEquals(new float[] {0, 0, 0, 1}, features.row(1));
    assertArrayEquals(new float[] {5, 6, 7, 8}, features.row(2));
  }

  private CliRunner.Result extractCached(Path input, Path output, Path cache) {
    return cli.run(
        "extract",
        "--plugins",
        plugins.toString(),
        "--extractor",
        "identity",
        "--input",
        input.toString(),
        "--output",
        output.toString(),
        "--cache",
        cache.toString());
  }

  @Test
  void secondExtractReadsTheCache() throws IOException {
    Path input = csvFolder("rows", "a.csv", "1,2,3,4\n0,0,0,1\n", "b.csv", "5,6,7,8\n");
    Path cache = work.resolve("cache");
    Path first = work.resolve("first.npy");
    Path second = work.resolve("second.npy");

    CliRunner.Result extracted = extractCached(input, first, cache);
    Path file = input.resolve("b.csv");
    FileTime modified = Files.getLastModifiedTime(file);
    Files.writeString(file, "5,x,7,8\n");
    Files.setLastModifiedTime(file, modified);
    CliRunner.Result loaded = extractCached(input, second, cache);

    assertEquals(Main.OK, extracted.status(), extracted.err());
    assertTrue(extracted.err().contains("extracted 3 samples of " + input), extracted.err());
    assertEquals(Main.OK, loaded.status(), loaded.err());
    assertTrue(loaded.err().contains("loaded 3 features of " + input), loaded.err());
    assertFalse(loaded.err().contains("extracted 3 samples"), loaded.err());
    try (Stream<Path> entries = Files.list(cache)) {
      assertEquals(1, entries.filter(path -> path.toString().endsWith(".fldc")).count());
    }
    assertArrayEquals(FeatureFiles.read(first).toArray(), FeatureFiles.read(second).toArray());
    assertArrayEquals(new float[] {5, 6, 7, 8}, FeatureFiles.read(second).row(2));
  }

  @Test
  void evaluateExtractsFolders() throws IOException {
    Path train = csvFolder("train", "a.csv", "0,0,0,0\n2,0,0,0\n");
    Path gen = csvFolder("gen", "a.csv", "4,4,0,0\n4,2,0,0\n");

    CliRunner.Result result =
        cli.run(
            "evaluate",
            "--plugins",
            plugins.toString(),
            "--extractor",
            "identity",
            "--train",
            train.toString(),
            "--gen",
            gen.toString(),
            "--metrics",
            "mean_shift",
            "--format",
            "json",
            "--no-cache");

    assertEquals(Main.OK, result.status(), result.err());
    JsonNode root = JSON.readTree(result.out());
    assertEquals(Math.sqrt(18), root.path("metrics").path("mean_shift").asDouble(), TOLERANCE);
    assertEquals("identity", root.path("extractor").asText());
    JsonNode input = root.path("provenance").path("inputs").path("gen");
    assertEquals("identity", input.path("extractor").asText());
    assertEquals("identity/v1", input.path("preprocessing").asText());
  }

  @Test
  void extractorDimensionCheckedBeforeExtraction() throws IOException {
    Path train = work.resolve("train.npy");
    FeatureFiles.write(train, FeatureSet.of(new float[][] {{1, 2}, {3, 4}}, "train"));
    Path gen = csvFolder("gen", "a.csv", "1,2,3,4\n");

    CliRunner.Result result =
        cli.run(
            "evaluate",
            "--plugins",
            plugins.toString(),
            "--extractor",
            "identity",
            "--train",
            train.toString(),
            "--gen",
            gen.toString(),
            "--metrics",
            "mean_shift");

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertTrue(result.err().contains("has 2 columns"), result.err());
    assertTrue(result.err().contains("(extractor identity) has 4"), result.err());
  }

  @Test
  void badCsvCellNamed() throws IOException {
    Path input = csvFolder("rows", "a.csv", "1,2,3,4\n1,x,3,4\n");

    CliRunner.Result result =
        cli.run(
            "extract",
            "--plugins",
            plugins.toString(),
            "--extractor",
            "identity",
            "--input",
            input.toString(),
            "--output",
            work.resolve("f.npy").toString());

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertTrue(result.err().contains("a.csv:2, column 2: 'x' is not a number"), result.err());
  }

  @Test
  void unknownExtractorListsAvailable() throws IOException {
    Path input = csvFolder("rows", "a.csv", "1,2,3,4\n");

    CliRunner.Result result =
        cli.run(
            "extract",
            "--plugins",
            plugins.toString(),
            "--extractor",
            "dinov3",
            "--input",
            input.toString(),
            "--output",
            work.resolve("f.npy").toString());

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertTrue(
        result.err().contains("no extractor named 'dinov3'; available extractors: "), result.err());
    assertTrue(result.err().contains("identity"), result.err());
  }

  @Test
  void duplicateJarsNamedBoth() throws IOException {
    Files.copy(EXAMPLE_JAR, plugins.resolve("copy-of-example.jar"));

    CliRunner.Result result = cli.run("list", "--plugins", plugins.toString());

    assertEquals(Main.FAILURE, result.status(), result.err());
    assertEquals(1, result.err().lines().count(), result.err());
    assertTrue(result.err().contains("duplicate"), result.err());
    assertTrue(result.err().contains("copy-of-example.jar"), result.err());
    assertTrue(result.err().contains(plugins.resolve("fld-example-plugin.jar").toString()));
  }

  @Test
  void missingPluginFolderRejected() {
    Path absent = work.resolve("no-plugins");

    CliRunner.Result result = cli.run("list", "--plugins", absent.toString());

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertTrue(result.err().contains("plugin folder " + absent + " does not exist"));
  }

  @Test
  void globalOptionBeforeCommand() {
    CliRunner.Result result = cli.run("--plugins", plugins.toString(), "list");

    assertEquals(Main.OK, result.status(), result.err());
    assertTrue(result.out().contains("mean_shift"), result.out());
  }

  @Test
  void scoresNameFolderSamples() throws IOException {
    Path train = work.resolve("train.npy");
    FeatureFiles.write(train, FeatureSet.of(new float[][] {{0, 0, 0, 0}, {1, 1, 1, 1}}, "t"));
    Path folder = Files.createDirectories(work.resolve("gen"));
    Files.writeString(folder.resolve("b.csv"), "1,1,1,1\n");
    Files.writeString(folder.resolve("a.csv"), "0,0,0,2\n");
    Path output = work.resolve("scores.csv");

    CliRunner.Result result =
        cli.run(
            "scores",
            "--plugins",
            plugins.toString(),
            "--extractor",
            "identity",
            "--kind",
            "test_nearest",
            "--train",
            train.toString(),
            "--gen",
            folder.toString(),
            "--output",
            output.toString(),
            "--no-cache");

    assertEquals(Main.OK, result.status(), result.err());
    assertEquals(
        List.of("index,name,score", "0,a.csv:1,-4.0", "1,b.csv:1,-0.0"),
        Files.readAllLines(output));
  }
}
