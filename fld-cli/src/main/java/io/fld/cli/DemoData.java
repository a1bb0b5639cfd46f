package io.fld.cli;

import io.fld.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folders of the bundled demo: {@code fashion-mnist/train}, {@code fashion-mnist/test} and one
 * folder of samples per generator under {@code generators/}.
 *
 * @param root the demo folder
 * @param train the training images
 * @param test the held-out test images
 * @param generators the generator folders, sorted by name
 */
record DemoData(Path root, Path train, Path test, List<Path> generators) {

  /** The system property through which the launcher passes the repository root. */
  static final String REPOSITORY_PROPERTY = "fld.repository";

  /** Returns the bundled demo folder: {@code demo} under the repository root, or under ".". */
  static Path defaultRoot() {
    return Path.of(System.getProperty(REPOSITORY_PROPERTY, "."), "demo");
  }

  /**
   * Finds the demo folders under {@code root}.
   *
   * @throws InvalidInputException if a folder is missing or there are no generator folders
   */
  static DemoData locate(Path root) throws IOException {
    Path train = requireFolder(root.resolve("fashion-mnist").resolve("train"));
    Path test = requireFolder(root.resolve("fashion-mnist").resolve("test"));
    Path generatorRoot = requireFolder(root.resolve("generators"));
    List<Path> generators;
    try (Stream<Path> children = Files.list(generatorRoot)) {
      generators =
          children
              .filter(Files::isDirectory)
              .filter(path -> !path.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
    }
    if (generators.isEmpty()) {
      throw new InvalidInputException(
          generatorRoot + ": no generator folders; add one folder of generated images per model");
    }
    return new DemoData(root, train, test, generators);
  }

  private static Path requireFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(
          folder
              + ": demo folder not found; run the demo from the repository root, or pass --data"
              + " DIR with fashion-mnist/train, fashion-mnist/test and generators/NAME folders");
    }
    return folder;
  }
}
