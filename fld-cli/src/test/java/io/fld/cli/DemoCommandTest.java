package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureSet;
import io.fld.core.io.FeatureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code fld demo} on a reduced copy of the bundled demo data (1000 training images, 300 test
 * images, 300 samples per generator) and checks what the demo is for: FID on the test set prefers
 * the memorizing {@code copycat} over the trained generators, while FLD ranks it last with the most
 * negative generalization gap, and the held-out real images get the best FLD. It also checks the
 * report's gallery against nearest neighbours recomputed from {@code fld extract} features.
 */
class DemoCommandTest {
  private static final Path DEMO = Path.of("..", "demo");
  private static final int TRAIN_SIZE = 1000;
  private static final int TEST_SIZE = 300;
  private static final int GEN_SIZE = 300;
  private static final int GALLERY = 4;
  private static final String COPY_PREFIX = "copy-of-";
  private static final double DISTANCE_TOLERANCE = 1e-4;
  private static final List<String> TRAINED = List.of("vae", "dcgan");
  private static final Pattern ROW =
      Pattern.compile("<tr data-generator=\"([^\"]+)\">(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL =
      Pattern.compile("<td data-metric=\"([^\"]+)\" data-value=\"([^\"]+)\">");
  private static final Pattern PAIR =
      Pattern.compile("<figure class=\"pair\"([^>]*)>(.*?)</figure>");
  private static final Pattern ATTRIBUTE = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"");
  private static final Pattern IMAGE =
      Pattern.compile("<img src=\"data:image/png;base64,([^\"]+)\"");

  @TempDir static Path work;

  private static Path data;
  private static Path report;
  private static CliRunner.Result result;
  private static String html;

  @BeforeAll
  static void runDemo() throws IOException {
    data = reducedDemo(work.resolve("demo"));
    report = work.resolve("report.html");
    result =
        new CliRunner(work.resolve("home"))
            .run(
                "demo",
                "--data",
                data.toString(),
                "--report",
                report.toString(),
                "--gallery",
                Integer.toString(GALLERY));
    html = Files.exists(report) ? Files.readString(report) : "";
  }

  @Test
  void demoSucceedsAndPrintsReadings() {
    assertEquals(0, result.status(), result.err());
    assertTrue(result.out().contains("copycat"), result.out());
    assertTrue(result.out().contains("flag memorization"), result.out());
    assertTrue(result.out().contains("Report: "), result.out());
  }

  @Test
  void fidPrefersCopycatButFldRanksItLast() {
    Map<String, Map<String, Double>> metrics = metricTable(html);

    double copycatFidTest = metrics.get("copycat").get("fid_test");
    for (String trained : TRAINED) {
      assertTrue(
          copycatFidTest < metrics.get(trained).get("fid_test"),
          "fid_test of copycat " + copycatFidTest + " vs " + trained + " " + metrics);
    }
    for (String other : metrics.keySet()) {
      if (!other.equals("copycat")) {
        assertTrue(
            metrics.get("copycat").get("fld") > metrics.get(other).get("fld"),
            "fld of copycat vs " + other + ": " + metrics);
        assertTrue(
            metrics.get("copycat").get("fld_gap") < metrics.get(other).get("fld_gap"),
            "fld_gap of copycat vs " + other + ": " + metrics);
      }
      if (!other.equals("held-out")) {
        assertTrue(
            metrics.get("held-out").get("fld") < metrics.get(other).get("fld"),
            "fld of held-out vs " + other + ": " + metrics);
      }
    }
  }

  @Test
  void reportIsSelfContained() {
    assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, Math.min(80, html.length())));
    assertTrue(html.contains("<svg"), "no inline chart");
    assertFalse(html.contains("src=\"http"), "an image refers to the network");
    assertFalse(html.contains("<script"), "the report contains a script");
    assertTrue(html.contains(DemoCommand.EXTRACTOR), "no extractor in the provenance");
  }

  @Test
  void galleryPairsSamplesWithTrueNearestTrainingImage() throws IOException {
    Path trainFolder = data.resolve("fashion-mnist").resolve("train");
    FeatureSet train = extract(trainFolder, "train");
    List<String> trainNames = sortedNames(trainFolder);
    Map<String, FeatureSet> generated = new LinkedHashMap<>();
    Matcher pairs = PAIR.matcher(html);
    int checked = 0;

    while (pairs.find()) {
      Map<String, String> attributes = attributes(pairs.group(1));
      String generator = attributes.get("generator");
      Path genFolder = data.resolve("generators").resolve(generator);
      if (!generated.containsKey(generator)) {
        generated.put(generator, extract(genFolder, generator));
      }
      int genIndex = Integer.parseInt(attributes.get("gen-index"));
      String genName = attributes.get("gen-name");
      assertEquals(sortedNames(genFolder).get(genIndex), genName, attributes.toString());

      float[] query = generated.get(generator).row(genIndex);
      int nearest = nearest(query, train);
      assertEquals(trainNames.get(nearest), attributes.get("train-name"), attributes.toString());
      assertEquals(nearest, Integer.parseInt(attributes.get("train-index")));
      assertEquals(
          distance(query, train.row(nearest)),
          Double.parseDouble(attributes.get("distance")),
          DISTANCE_TOLERANCE,
          attributes.toString());

      List<byte[]> images = images(pairs.group(2));
      assertEquals(2, images.size(), attributes.toString());
      byte[] genFile = Files.readAllBytes(genFolder.resolve(genName));
      byte[] trainFile = Files.readAllBytes(trainFolder.resolve(attributes.get("train-name")));
      assertTrue(Arrays.equals(genFile, images.get(0)), "generated image of " + attributes);
      assertTrue(Arrays.equals(trainFile, images.get(1)), "training image of " + attributes);
      if (generator.equals("copycat")) {
        assertEquals(genName.substring(COPY_PREFIX.length()), attributes.get("train-name"));
        assertEquals(0.0, Double.parseDouble(attributes.get("distance")));
      }
      checked++;
    }
    assertEquals(GALLERY * generatorCount(), checked);
  }

  @Test
  void evaluateWritesReportForOneGenerator() throws IOException {
    Path page = work.resolve("evaluate.html");
    CliRunner.Result evaluation =
        new CliRunner(work.resolve("home"))
            .run(
                "evaluate",
                "--train",
                data.resolve("fashion-mnist").resolve("train").toString(),
                "--test",
                data.resolve("fashion-mnist").resolve("test").toString(),
                "--gen",
                data.resolve("generators").resolve("copycat").toString(),
                "--extractor",
                DemoCommand.EXTRACTOR,
                "--metrics",
                "fld,fld_gap,precision,recall,authpct,ct",
                "--report",
                page.toString());

    assertEquals(0, evaluation.status(), evaluation.err());
    String text = Files.readString(page);
    Matcher pairs = PAIR.matcher(text);
    int count = 0;
    while (pairs.find()) {
      Map<String, String> attributes = attributes(pairs.group(1));
      assertEquals("copycat", attributes.get("generator"));
      assertEquals(
          attributes.get("gen-name").substring(COPY_PREFIX.length()), attributes.get("train-name"));
      count++;
    }
    assertEquals(HtmlReport.DEFAULT_GALLERY_SIZE, count);
    assertTrue(text.contains("data-metric=\"fld_gap\""), "no fld_gap cell");
  }

  @Test
  void evaluateReportRejectsFeatureFiles() throws IOException {
    Path features = work.resolve("rejected-test.npy");
    Files.copy(
        ensureFeatures("copycat"), features, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    CliRunner.Result evaluation =
        new CliRunner(work.resolve("home"))
            .run(
                "evaluate",
                "--train",
                features.toString(),
                "--test",
                features.toString(),
                "--gen",
                features.toString(),
                "--report",
                work.resolve("rejected.html").toString());

    assertEquals(2, evaluation.status(), evaluation.err());
    assertTrue(evaluation.err().contains("--report needs image folders"), evaluation.err());
  }

  @Test
  void escapeCoversReservedCharacters() {
    assertEquals("a&lt;b&gt;&amp;&quot;&#39;", Html.escape("a<b>&\"'"));
  }

  private static Map<String, Map<String, Double>> metricTable(String page) {
    Map<String, Map<String, Double>> table = new LinkedHashMap<>();
    Matcher rows = ROW.matcher(page);
    while (rows.find()) {
      Map<String, Double> values = new LinkedHashMap<>();
      Matcher cells = CELL.matcher(rows.group(2));
      while (cells.find()) {
        values.put(cells.group(1), Double.parseDouble(cells.group(2)));
      }
      table.put(rows.group(1), values);
    }
    assertEquals(generatorCount(), table.size(), table.toString());
    return table;
  }

  private static int generatorCount() {
    try (Stream<Path> folders = Files.list(DEMO.resolve("generators"))) {
      return (int) folders.filter(Files::isDirectory).count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Map<String, String> attributes(String text) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher matcher = ATTRIBUTE.matcher(text);
    while (matcher.find()) {
      attributes.put(matcher.group(1), matcher.group(2));
    }
    return attributes;
  }

  private static List<byte[]> images(String figure) {
    List<byte[]> images = new ArrayList<>();
    Matcher matcher = IMAGE.matcher(figure);
    while (matcher.find()) {
      images.add(Base64.getDecoder().decode(matcher.group(1)));
    }
    return images;
  }

  /** Extracts features with {@code fld extract}, independently of the demo's own code path. */
  private static FeatureSet extract(Path folder, String name) throws IOException {
    Path output = work.resolve(name + ".npy");
    CliRunner.Result extraction =
        new CliRunner(work.resolve("extract-home"))
            .run(
                "extract",
                "--extractor",
                DemoCommand.EXTRACTOR,
                "--input",
                folder.toString(),
                "--output",
                output.toString(),
                "--no-cache");
    assertEquals(0, extraction.status(), extraction.err());
    return FeatureFiles.read(output);
  }

  private static Path ensureFeatures(String generator) throws IOException {
    Path output = work.resolve(generator + ".npy");
    if (!Files.exists(output)) {
      extract(data.resolve("generators").resolve(generator), generator);
    }
    return output;
  }

  private static int nearest(float[] query, FeatureSet reference) {
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int i = 0; i < reference.rows(); i++) {
      double distance = distance(query, reference.row(i));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    return best;
  }

  private static double distance(float[] a, float[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      double difference = (double) a[d] - b[d];
      sum += difference * difference;
    }
    return Math.sqrt(sum);
  }

  private static List<String> sortedNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * Copies a reduced demo: the first samples of each generator and the test set, and a training set
   * that holds the originals of the copied samples, filled up in file order.
   */
  private static Path reducedDemo(Path root) throws IOException {
    Path sourceTrain = DEMO.resolve("fashion-mnist").resolve("train");
    Set<String> train = new LinkedHashSet<>();
    for (String copy : first(DEMO.resolve("generators").resolve("copycat"), GEN_SIZE)) {
      train.add(copy.substring(COPY_PREFIX.length()));
    }
    for (String name : sortedNames(sourceTrain)) {
      if (train.size() >= TRAIN_SIZE) {
        break;
      }
      train.add(name);
    }
    copy(sourceTrain, root.resolve("fashion-mnist").resolve("train"), train);
    Path sourceTest = DEMO.resolve("fashion-mnist").resolve("test");
    copy(sourceTest, root.resolve("fashion-mnist").resolve("test"), first(sourceTest, TEST_SIZE));
    try (Stream<Path> folders = Files.list(DEMO.resolve("generators"))) {
      for (Path generator : folders.filter(Files::isDirectory).toList()) {
        Path target = root.resolve("generators").resolve(generator.getFileName().toString());
        copy(generator, target, first(generator, GEN_SIZE));
      }
    }
    return root;
  }

  private static List<String> first(Path folder, int count) throws IOException {
    return sortedNames(folder).subList(0, count);
  }

  private static void copy(Path from, Path to, Iterable<String> names) throws IOException {
    Files.createDirectories(to);
    for (String name : names) {
      Files.copy(from.resolve(name), to.resolve(name));
    }
  }
}
