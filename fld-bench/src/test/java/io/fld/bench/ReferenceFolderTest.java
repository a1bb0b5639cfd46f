package io.fld.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureSet;
import io.fld.core.io.FeatureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceFolderTest {
  private static final double EPSILON = 1e-9;

  private static final ReferenceFolder.Case CASE = new ReferenceFolder.Case("tiny", "gen");

  @TempDir Path folder;

  private ReferenceFolder open(String setJson) throws IOException {
    Files.writeString(
        folder.resolve("values.json"),
        "{\"families\": {\"tiny\": {\"sets\": {\"gen\": " + setJson + "}}}}");
    return ReferenceFolder.open(folder);
  }

  @Test
  void casesFollowValuesFile() throws IOException {
    ReferenceFolder reference = open("{\"metrics\": {\"FID Train\": {\"mean\": 1.0}}}");

    assertEquals(List.of(CASE), reference.cases());
    assertEquals(List.of("FID Train"), reference.metricNames(CASE));
  }

  @Test
  void metricSpreadComesFromPerSeedValues() throws IOException {
    ReferenceFolder reference =
        open("{\"metrics\": {\"KID Train\": {\"values\": [1.0, 4.0, 2.5], \"mean\": 9.0}}}");

    ReferenceFolder.Spread spread = reference.metric(CASE, "KID Train");

    assertEquals(2.5, spread.mean(), EPSILON);
    assertEquals(1.0, spread.min(), EPSILON);
    assertEquals(4.0, spread.max(), EPSILON);
  }

  @Test
  void metricSpreadFallsBackToSummary() throws IOException {
    ReferenceFolder reference =
        open("{\"metrics\": {\"CTTest\": {\"mean\": 2.0, \"min\": 1.5, \"max\": 3.0}}}");

    ReferenceFolder.Spread spread = reference.metric(CASE, "CTTest");

    assertEquals(2.0, spread.mean(), EPSILON);
    assertEquals(1.5, spread.min(), EPSILON);
    assertEquals(3.0, spread.max(), EPSILON);
  }

  @Test
  void perSampleFileRowsAreSeeds() throws IOException {
    ReferenceFolder reference = open("{\"metrics\": {}}");
    Path scores = Files.createDirectories(folder.resolve("tiny").resolve("persample"));
    FeatureSet rows = FeatureSet.of(new float[][] {{1, 2, 3}, {4, 5, 6}}, "scores");
    FeatureFiles.write(scores.resolve("gen__quality.npy"), rows);

    ReferenceFolder.Spread spread = reference.perSampleMean(CASE, "quality").orElseThrow();

    assertEquals(3.5, spread.mean(), EPSILON);
    assertEquals(2.0, spread.min(), EPSILON);
    assertEquals(5.0, spread.max(), EPSILON);
  }

  @Test
  void perSampleMeanFallsBackToValuesFile() throws IOException {
    ReferenceFolder reference =
        open(
            "{\"metrics\": {}, \"persample\": {\"memorization\": {\"per_seed_mean\": [-2.0,"
                + " -1.0]}}}");

    ReferenceFolder.Spread spread = reference.perSampleMean(CASE, "memorization").orElseThrow();

    assertEquals(-1.5, spread.mean(), EPSILON);
    assertEquals(-2.0, spread.min(), EPSILON);
    assertEquals(-1.0, spread.max(), EPSILON);
    assertTrue(reference.perSampleMean(CASE, "quality").isEmpty());
  }
}
