package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureSet;
import io.fld.core.io.FeatureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoresCommandTest {
  @TempDir Path work;

  private CliRunner cli;
  private Path train;
  private Path gen;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliRunner(work.resolve("home"));
    train = work.resolve("train.npy");
    gen = work.resolve("gen.npy");
    FeatureFiles.write(train, FeatureSet.of(new float[][] {{0, 0, 0, 0}, {1, 1, 1, 1}}, "t"));
    FeatureFiles.write(gen, FeatureSet.of(new float[][] {{0, 0, 0, 2}, {1, 1, 1, 1}}, "g"));
  }

  @Test
  void csvPerGeneratedRow() throws IOException {
    Path output = work.resolve("scores.csv");

    CliRunner.Result result =
        cli.run(
            "scores",
            "--kind",
            "test_nearest",
            "--train",
            train.toString(),
            "--gen",
            gen.toString(),
            "--output",
            output.toString());

    assertEquals(Main.OK, result.status(), result.err());
    assertEquals("", result.out());
    // Row 0 lies at squared distance 4 from both train rows; row 1 equals a train row.
    assertEquals(List.of("index,name,score", "0,0,-4.0", "1,1,-0.0"), Files.readAllLines(output));
  }

  @Test
  void unknownKindListsAvailable() {
    CliRunner.Result result =
        cli.run(
            "scores",
            "--kind",
            "memorisation",
            "--train",
            train.toString(),
            "--gen",
            gen.toString(),
            "--output",
            work.resolve("s.csv").toString());

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertTrue(
        result.err().contains("no score kind named 'memorisation'; available score kinds:"),
        result.err());
    assertTrue(result.err().contains("test_nearest"), result.err());
  }

  @Test
  void outputRequired() {
    CliRunner.Result result =
        cli.run(
            "scores",
            "--kind",
            "test_nearest",
            "--train",
            train.toString(),
            "--gen",
            gen.toString());

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertTrue(result.err().contains("--output"), result.err());
  }

  @Test
  void quotedNames() {
    assertEquals("plain.png", ScoresCommand.quote("plain.png"));
    assertEquals("\"a,b.png\"", ScoresCommand.quote("a,b.png"));
    assertEquals("\"say \"\"hi\"\".png\"", ScoresCommand.quote("say \"hi\".png"));
  }
}
