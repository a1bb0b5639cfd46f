package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureSet;
import io.fld.core.io.FeatureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the commands treat {@code --output}: links, pipes, folders and permissions. */
class OutputFileTest {
  private static final long PIPE_WAIT_SECONDS = 20;

  @TempDir Path work;

  private CliRunner cli;
  private Path train;
  private Path gen;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliRunner(work.resolve("home"));
    train = work.resolve("train.npy");
    gen = work.resolve("gen.npy");
    FeatureFiles.write(train, FeatureSet.of(new float[][] {{0, 0}, {1, 1}}, "train"));
    FeatureFiles.write(gen, FeatureSet.of(new float[][] {{4, 4}, {5, 5}}, "gen"));
  }

  private CliRunner.Result evaluate(Path output) {
    return cli.run(
        "evaluate",
        "--train",
        train.toString(),
        "--gen",
        gen.toString(),
        "--metrics",
        "test_gap",
        "--format",
        "csv",
        "--output",
        output.toString());
  }

  private static void assertPlainError(CliRunner.Result result, String... fragments) {
    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    for (String fragment : fragments) {
      assertTrue(result.err().contains(fragment), "missing '" + fragment + "' in " + result.err());
    }
    assertFalse(result.err().contains("Exception"), "exception text: " + result.err());
  }

  @Test
  void symbolicLinkKept() throws IOException {
    Path real = Files.writeString(work.resolve("real.csv"), "old\n");
    Path link = Files.createSymbolicLink(work.resolve("link.csv"), real);

    CliRunner.Result result = evaluate(link);

    assertEquals(Main.OK, result.status(), result.err());
    assertTrue(Files.isSymbolicLink(link), "the link was replaced");
    assertEquals("metric,value\ntest_gap,4.0\n", Files.readString(real));
  }

  @Test
  void pipeWrittenThrough() throws Exception {
    Path pipe = work.resolve("pipe.csv");
    Assumptions.assumeTrue(mkfifo(pipe), "mkfifo is not available");
    CompletableFuture<String> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(Files.readAllBytes(pipe), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return e.toString();
              }
            });

    CliRunner.Result result = evaluate(pipe);

    assertEquals(Main.OK, result.status(), result.err());
    assertFalse(Files.isRegularFile(pipe), "the pipe was replaced by a regular file");
    assertEquals("metric,value\ntest_gap,4.0\n", reader.get(PIPE_WAIT_SECONDS, TimeUnit.SECONDS));
  }

  private static boolean mkfifo(Path path) throws InterruptedException {
    try {
      Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      return process.waitFor() == 0 && Files.exists(path);
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void newFileGetsDefaultPermissions() throws IOException {
    Path report = work.resolve("report.csv");
    Path plain = Files.createFile(work.resolve("plain"));

    CliRunner.Result result = evaluate(report);

    assertEquals(Main.OK, result.status(), result.err());
    assertEquals(
        Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(report), "mode");
  }

  @Test
  void replacedFileKeepsItsPermissions() throws IOException {
    Path report = Files.writeString(work.resolve("report.csv"), "old\n");
    Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw-r--"));

    CliRunner.Result result = evaluate(report);

    assertEquals(Main.OK, result.status(), result.err());
    assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
  }

  @Test
  void folderRejectedBeforeInputs() throws IOException {
    Path folder = Files.createDirectories(work.resolve("reports"));
    Files.delete(gen);

    CliRunner.Result result = evaluate(folder);

    assertPlainError(result, "--output " + folder + " is a folder");
  }

  @Test
  void fileAsParentRejected() {
    Path inside = train.resolve("report.csv");

    CliRunner.Result result = evaluate(inside);

    assertPlainError(result, "--output " + inside, train + " is a file, not a folder");
  }

  @Test
  void folderWithoutNewFilesRejected() {
    Path proc = Path.of("/proc/no-such-entry/report.csv");
    Assumptions.assumeTrue(Files.isDirectory(proc.getRoot().resolve("proc")), "no /proc");

    CliRunner.Result result = evaluate(proc);

    // Root may write to /proc by its mode but creates no file there; others lack the permission.
    assertPlainError(result, "--output " + proc, "/proc");
  }

  @Test
  void scoresFolderRejected() {
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
            work.toString());

    assertPlainError(result, "--output " + work + " is a folder");
  }

  @Test
  void extractPipeRejected() throws Exception {
    Path pipe = work.resolve("pipe.npy");
    Assumptions.assumeTrue(mkfifo(pipe), "mkfifo is not available");

    CliRunner.Result result =
        cli.run(
            "extract",
            "--extractor",
            "no-such-extractor",
            "--input",
            work.toString(),
            "--output",
            pipe.toString());

    assertPlainError(result, "--output " + pipe + " is not a regular file");
  }

  @Test
  void fileErrorsInPlainWords() {
    assertEquals(
        "/proc/nope does not exist; check the path",
        Main.ioMessage(new NoSuchFileException("/proc/nope")));
    assertEquals(
        "permission denied: /root/x", Main.ioMessage(new AccessDeniedException("/root/x")));
    assertEquals(
        "/tmp/d: Is a directory",
        Main.ioMessage(new FileSystemException("/tmp/d", null, "Is a directory")));
  }
}
