package io.fld.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureSet;
import io.fld.core.io.FeatureFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link Validate} on a reference folder built here, whose generated set is a copy of the
 * training set, so that the right values are known: FID against train 0, precision 1, recall 1.
 */
class ValidateTest {
  private static final int TRAIN_ROWS = 60;
  private static final int TEST_ROWS = 40;
  private static final int DIMENSION = 3;

  @TempDir Path folder;

  /** Output and exit status of one run. */
  private record Outcome(int status, String table, String log) {}

  @Test
  void matchingReferencePasses() throws IOException {
    writeFolder("1.0");

    Outcome outcome = validate(folder.toString());

    assertEquals(0, outcome.status(), outcome.table() + outcome.log());
    assertTrue(outcome.table().contains("| tiny | train_copy | fid |"), outcome.table());
    assertTrue(outcome.table().contains("| tiny | train_copy | precision |"), outcome.table());
    assertTrue(outcome.table().contains("| tiny | train_copy | recall |"), outcome.table());
    assertTrue(outcome.table().contains("3 PASS, 0 FAIL"), outcome.table());
    assertFalse(outcome.table().contains("FAIL |"), outcome.table());
  }

  @Test
  void wrongPrecisionFails() throws IOException {
    writeFolder("0.5");

    Outcome outcome = validate(folder.toString());

    assertEquals(1, outcome.status(), outcome.table() + outcome.log());
    assertTrue(outcome.table().contains("2 PASS, 1 FAIL"), outcome.table());
    String precisionRow =
        outcome
            .table()
            .lines()
            .filter(line -> line.contains("| precision |"))
            .findFirst()
            .orElse("");
    assertTrue(precisionRow.contains("| FAIL |"), precisionRow);
  }

  @Test
  void unknownMetricNameIsSkipped() throws IOException {
    writeFolder("1.0");
    String values = Files.readString(folder.resolve("values.json"));
    Files.writeString(
        folder.resolve("values.json"),
        values.replace("\"metrics\": {", "\"metrics\": {\"Unknown\": {\"mean\": 1.0},"));

    Outcome outcome = validate(folder.toString());

    assertEquals(0, outcome.status(), outcome.table() + outcome.log());
    assertTrue(outcome.log().contains("skipping tiny/train_copy 'Unknown'"), outcome.log());
  }

  @Test
  void metricsOptionSelectsMetrics() throws IOException {
    writeFolder("0.5");

    Outcome outcome = validate(folder.toString(), "--metrics", "fid,recall");

    assertEquals(0, outcome.status(), outcome.table() + outcome.log());
    assertTrue(outcome.table().contains("2 PASS, 0 FAIL"), outcome.table());
  }

  @Test
  void missingValuesFileIsUsageError() {
    Outcome outcome = validate(folder.resolve("absent").toString());

    assertEquals(2, outcome.status());
    assertTrue(outcome.log().contains("values.json not found"), outcome.log());
  }

  @Test
  void invalidSeedIsUsageError() {
    Outcome outcome = validate(folder.toString(), "--seeds", "0,x");

    assertEquals(2, outcome.status());
    assertTrue(outcome.log().contains("invalid seed 'x'"), outcome.log());
  }

  private void writeFolder(String precision) throws IOException {
    Random random = new Random(1);
    FeatureSet train = gaussian(random, TRAIN_ROWS);
    Path family = Files.createDirectories(folder.resolve("tiny"));
    FeatureFiles.write(family.resolve("train.npy"), train);
    FeatureFiles.write(family.resolve("test.npy"), gaussian(random, TEST_ROWS));
    FeatureFiles.write(family.resolve("train_copy.npy"), train);
    String values =
        """
        {"families": {"tiny": {"sets": {"train_copy": {"metrics": {
          "FID Train": {"values": [0.0, 0.0], "mean": 0.0, "min": 0.0, "max": 0.0},
          "Precision": {"mean": %s, "min": %s, "max": %s},
          "Recall": {"values": [1.0]}
        }}}}}}
        """
            .formatted(precision, precision, precision);
    Files.writeString(folder.resolve("values.json"), values);
  }

  private static FeatureSet gaussian(Random random, int rows) {
    float[][] values = new float[rows][DIMENSION];
    for (float[] row : values) {
      for (int j = 0; j < DIMENSION; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    return FeatureSet.of(values, "gaussian");
  }

  private static Outcome validate(String... args) {
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int status;
    try (PrintStream tableStream = new PrintStream(table, true, StandardCharsets.UTF_8);
        PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8)) {
      status = Validate.run(args, tableStream, logStream);
    }
    return new Outcome(
        status, table.toString(StandardCharsets.UTF_8), log.toString(StandardCharsets.UTF_8));
  }
}
