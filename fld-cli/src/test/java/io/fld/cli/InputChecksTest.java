package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths and settings that are rejected before any sample is read. */
class InputChecksTest {
  @TempDir Path work;

  private CliRunner cli;
  private Path folder;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliRunner(work.resolve("home"));
    folder = Files.createDirectories(work.resolve("samples"));
  }

  private static void assertInvalid(CliRunner.Result result, String fragment) {
    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertTrue(result.err().contains(fragment), result.err());
    assertFalse(result.err().contains("\tat "), result.err());
  }

  @Test
  void emptyInputPathRejected() {
    CliRunner.Result result =
        cli.run("extract", "--extractor", "fashion-cnn", "--input", "", "--output", "f.npy");

    assertInvalid(result, "--input is empty");
  }

  @Test
  void emptySetPathRejected() {
    CliRunner.Result result = cli.run("evaluate", "--train", "", "--gen", folder.toString());

    assertInvalid(result, "--train is empty");
  }

  @Test
  void reportWithArchiveRejected() throws IOException {
    Path archive = Files.write(work.resolve("gen.zip"), new byte[] {'P', 'K', 5, 6});

    CliRunner.Result result = evaluateWithReport("fashion-cnn", folder, folder, archive);

    assertInvalid(result, "is not a folder; unpack it");
  }

  @Test
  void reportWithAudioExtractorRejected() {
    CliRunner.Result result = evaluateWithReport("vggish", folder, folder, folder);

    assertInvalid(result, "the extractor reads AudioClip samples");
  }

  @Test
  void reportScoresCheckedBeforeMetrics() throws IOException {
    Path train = images("train", 6, false);
    Path test = images("test", 4, true);
    Path gen = images("gen", 4, false);

    CliRunner.Result result = evaluateWithReport("fashion-cnn", train, test, gen);

    assertInvalid(result, "--report sorts its galleries by per-sample scores");
    assertEquals("", result.out());
  }

  @Test
  void reportWithoutItsMetricsRejected() throws IOException {
    Path train = images("train", 6, false);
    Path test = images("test", 4, false);
    Path gen = images("gen", 4, false);

    CliRunner.Result result =
        evaluateWithReport("fashion-cnn", train, test, gen, "--metrics", "fid,precision");

    assertInvalid(result, "--metrics leaves out fld, fld_gap, recall, authpct, ct");
    assertEquals("", result.out());
  }

  @Test
  void demoReportIntoFolderRejectedFirst() {
    CliRunner.Result result = cli.run("demo", "--report", folder.toString());

    assertInvalid(result, "is a folder");
    assertEquals("", result.out());
  }

  @Test
  void hugeBatchRejected() {
    CliRunner.Result result =
        cli.run(
            "extract",
            "--extractor",
            "fashion-cnn",
            "--input",
            folder.toString(),
            "--output",
            work.resolve("f.npy").toString(),
            "--batch-size",
            "2147483647");

    assertInvalid(result, "--batch-size must lie in [1, 4096]");
  }

  @Test
  void cacheUnderFileRejected() throws IOException {
    Path file = Files.writeString(work.resolve("afile"), "x");
    Path image = folder.resolve("a.png");
    Files.write(image, new byte[] {1});

    CliRunner.Result result =
        cli.run(
            "extract",
            "--extractor",
            "fashion-cnn",
            "--input",
            folder.toString(),
            "--output",
            work.resolve("f.npy").toString(),
            "--cache",
            file.resolve("sub").toString());

    assertInvalid(result, "is a file; pass a folder for the feature cache");
  }

  /** Runs {@code evaluate} with an HTML report on three sample folders. */
  private CliRunner.Result evaluateWithReport(
      String extractor, Path train, Path test, Path gen, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "evaluate",
                "--extractor",
                extractor,
                "--train",
                train.toString(),
                "--test",
                test.toString(),
                "--gen",
                gen.toString(),
                "--report",
                work.resolve("r.html").toString()));
    args.addAll(List.of(extra));
    return cli.run(args.toArray(String[]::new));
  }

  /** Writes {@code count} 28 x 28 gray images, all alike when {@code same} is set. */
  private Path images(String name, int count, boolean same) throws IOException {
    Path target = Files.createDirectories(work.resolve(name));
    Random random = new Random(name.hashCode());
    for (int i = 0; i < count; i++) {
      BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
      Random pixels = same ? new Random(7) : random;
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          image.getRaster().setSample(x, y, 0, pixels.nextInt(256));
        }
      }
      ImageIO.write(image, "png", target.resolve("img" + i + ".png").toFile());
    }
    return target;
  }
}
