package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Role;
import io.fld.core.io.FeatureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which inputs {@code --key} applies to, and which paths go to extraction. */
class InputSelectionTest {
  @TempDir Path work;

  @Test
  void keyIgnoredBySingleArrays() throws IOException {
    CliRunner cli = new CliRunner(work.resolve("home"));
    Path train = work.resolve("train.npy");
    FeatureFiles.write(train, FeatureSet.of(new float[][] {{0, 0}, {1, 1}}, "train"));
    Path both = work.resolve("both.npz");
    FeatureFiles.write(
        both,
        Map.of(
            "gen", FeatureSet.of(new float[][] {{4, 4}, {5, 5}}, "gen"),
            "other", FeatureSet.of(new float[][] {{9, 9}, {9, 9}}, "other")));

    CliRunner.Result result =
        cli.run(
            "evaluate",
            "--train",
            train.toString(),
            "--gen",
            both.toString(),
            "--key",
            "gen",
            "--metrics",
            "test_gap",
            "--format",
            "csv");

    assertEquals(Main.OK, result.status(), result.err());
    assertEquals("metric,value\ntest_gap,4.0\n", result.out());
  }

  @Test
  void eachSetReadsItsOwnKey() throws IOException {
    CliRunner cli = new CliRunner(work.resolve("home"));
    Path train = work.resolve("train.npz");
    FeatureFiles.write(
        train,
        Map.of(
            "x", FeatureSet.of(new float[][] {{0, 0}, {1, 1}}, "x"),
            "labels", FeatureSet.of(new float[][] {{7, 7}, {7, 7}}, "labels")));
    Path gen = work.resolve("gen.npz");
    FeatureFiles.write(
        gen,
        Map.of(
            "feats", FeatureSet.of(new float[][] {{4, 4}, {5, 5}}, "feats"),
            "labels", FeatureSet.of(new float[][] {{9, 9}, {9, 9}}, "labels")));

    CliRunner.Result result =
        cli.run(
            "evaluate",
            "--train",
            train.toString(),
            "--train-key",
            "x",
            "--gen",
            gen.toString(),
            "--gen-key",
            "feats",
            "--metrics",
            "test_gap",
            "--format",
            "csv");

    assertEquals(Main.OK, result.status(), result.err());
    assertEquals("metric,value\ntest_gap,4.0\n", result.out());
  }

  @Test
  void ownKeyAppliesToSingleArrays() throws IOException {
    CliRunner cli = new CliRunner(work.resolve("home"));
    Path train = work.resolve("train.npy");
    FeatureFiles.write(train, FeatureSet.of(new float[][] {{0, 0}, {1, 1}}, "train"));
    Path gen = work.resolve("gen.npy");
    FeatureFiles.write(gen, FeatureSet.of(new float[][] {{4, 4}, {5, 5}}, "gen"));

    CliRunner.Result result =
        cli.run(
            "evaluate",
            "--train",
            train.toString(),
            "--gen",
            gen.toString(),
            "--gen-key",
            "feats",
            "--metrics",
            "test_gap");

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertTrue(result.err().contains("feats"), result.err());
  }

  @Test
  void archiveGoesToExtraction() throws IOException {
    Path zip = Files.write(work.resolve("images.zip"), new byte[] {'P', 'K', 5, 6});

    InputSpec spec = InputSpec.check(Role.GEN, zip, true);

    assertTrue(spec.folder(), "a zip archive contains samples to extract");
  }
}
