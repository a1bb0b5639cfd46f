package io.fld.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fld.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Paths that exist but are not regular files, and symbolic links whose target is unreachable. */
class SpecialPathTest {
  private static final String ADVICE_SUFFIX =
      "; fix the link or pass the path of the feature file itself";

  @TempDir Path folder;

  private static String readError(Path path) {
    return assertThrows(InvalidInputException.class, () -> FeatureFiles.read(path)).getMessage();
  }

  private static String keysError(Path path) {
    return assertThrows(InvalidInputException.class, () -> FeatureFiles.keys(path)).getMessage();
  }

  private Path mkfifo(String name) throws IOException, InterruptedException {
    Path fifo = folder.resolve(name);
    Process process;
    try {
      process = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    } catch (IOException e) {
      throw new TestAbortedException("mkfifo is not available", e);
    }
    assumeTrue(process.waitFor() == 0, "mkfifo failed");
    return fifo;
  }

  @Test
  void fifoIsRejectedWithoutBlocking() throws Exception {
    Path fifo = mkfifo("fifo.npy");

    // Opening a FIFO for reading blocks until a writer opens it, so a hang fails the test.
    String message = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> readError(fifo));

    assertEquals(
        fifo
            + " is not a regular file (it is a FIFO, also called a named pipe); pass a feature"
            + " file ending in .npy, .npz, .safetensors",
        message);
  }

  @Test
  void fifoKeysAreRejectedWithoutBlocking() throws Exception {
    Path fifo = mkfifo("fifo.npz");

    String message = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> keysError(fifo));

    NpyReadTest.assertStartsWith(fifo + " is not a regular file (it is a FIFO", message);
  }

  @Test
  void linkToDeviceIsRejected() throws IOException {
    Path device = Path.of("/dev/zero");
    assumeTrue(Files.exists(device), "/dev/zero is not available");
    Path link = Files.createSymbolicLink(folder.resolve("zero.npy"), device);

    assertEquals(
        link
            + " is not a regular file (it is a character device); pass a feature file ending in"
            + " .npy, .npz, .safetensors",
        readError(link));
  }

  @Test
  void linkToRegularFileIsRead() throws IOException {
    Path link = Files.createSymbolicLink(folder.resolve("link.npy"), Fixtures.path("f4_le.npy"));

    assertEquals(Fixtures.quarter(4, 2), FeatureFiles.read(link).get(4, 2));
  }

  @Test
  void symbolicLinkLoop() throws IOException {
    Path first = folder.resolve("loop1.npy");
    Path second = folder.resolve("loop2.npy");
    Files.createSymbolicLink(first, Path.of("loop2.npy"));
    Files.createSymbolicLink(second, Path.of("loop1.npy"));

    assertEquals(
        first
            + " is a symbolic link whose target cannot be reached because the links form a loop ("
            + first
            + " -> "
            + second
            + " -> "
            + first
            + ")"
            + ADVICE_SUFFIX,
        readError(first));
  }

  @Test
  void linkToItself() throws IOException {
    Path link = folder.resolve("self.npz");
    Files.createSymbolicLink(link, Path.of("self.npz"));

    assertEquals(
        link
            + " is a symbolic link whose target cannot be reached because the links form a loop ("
            + link
            + " -> "
            + link
            + ")"
            + ADVICE_SUFFIX,
        keysError(link));
  }

  @Test
  void danglingSymbolicLink() throws IOException {
    Path link = folder.resolve("dangling.npy");
    Files.createSymbolicLink(link, Path.of("moved.npy"));

    assertEquals(
        link
            + " is a symbolic link whose target cannot be reached because "
            + folder.resolve("moved.npy")
            + " does not exist"
            + ADVICE_SUFFIX,
        readError(link));
  }

  @Test
  void danglingLinkThroughSecondLink() throws IOException {
    Path missing = folder.resolve("gone").resolve("features.npy");
    Path middle = Files.createSymbolicLink(folder.resolve("middle.npy"), missing);
    Path link = Files.createSymbolicLink(folder.resolve("outer.npy"), middle);

    assertEquals(
        link
            + " is a symbolic link whose target cannot be reached because "
            + missing
            + " does not exist"
            + ADVICE_SUFFIX,
        readError(link));
  }
}
