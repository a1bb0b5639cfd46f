package io.fld.extractor.fashioncnn;

import io.fld.image.model.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * A model file carried as a resource of this jar, installed into a model folder on demand. The
 * installed file is written to a temporary file, checked against the expected SHA-256 and renamed
 * into place atomically, so a damaged or partial copy is never used.
 *
 * @param resource the resource name, relative to this class
 * @param fileName the file name in the model folder
 * @param sha256 the expected SHA-256 in lower-case hex
 */
public record BundledModel(String resource, String fileName, String sha256) {

  private static final System.Logger LOG = System.getLogger(BundledModel.class.getName());
  private static final String PARTIAL_SUFFIX = ".part";

  public BundledModel {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(sha256, "sha256");
  }

  /** Returns the bundled fashion-cnn model. */
  public static BundledModel fashionCnn() {
    return new BundledModel(
        FashionCnnPlugin.MODEL_FILE, FashionCnnPlugin.MODEL_FILE, FashionCnnPlugin.MODEL_SHA256);
  }

  /**
   * Returns the model file in {@code directory}, copying it from the jar first when it is missing
   * or its checksum differs.
   *
   * @throws IllegalStateException if the jar lacks the resource or its copy has another checksum,
   *     which means the jar is damaged
   */
  public Path install(Path directory) throws IOException {
    Path target = directory.resolve(fileName);
    if (Files.isRegularFile(target)) {
      if (ModelFiles.sha256(target).equals(sha256)) {
        return target;
      }
      LOG.log(
          Level.WARNING,
          "{0} differs from the model bundled in the jar; replacing it with the bundled copy",
          target);
    }
    Files.createDirectories(directory);
    Path partial = Files.createTempFile(directory, fileName + ".", PARTIAL_SUFFIX);
    try {
      copyResource(partial);
      String actual = ModelFiles.sha256(partial);
      if (!actual.equals(sha256)) {
        throw new IllegalStateException(
            "the bundled model "
                + resource
                + " has SHA-256 "
                + actual
                + " but "
                + sha256
                + " was expected; the jar is damaged, rebuild it");
      }
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      LOG.log(Level.INFO, "installed the bundled model {0}", target);
      return target;
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private void copyResource(Path destination) throws IOException {
    try (InputStream input = BundledModel.class.getResourceAsStream(resource)) {
      if (input == null) {
        throw new IllegalStateException(
            "the resource " + resource + " is missing from the jar; rebuild it");
      }
      Files.copy(input, destination, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
