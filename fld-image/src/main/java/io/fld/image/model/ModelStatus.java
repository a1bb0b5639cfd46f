package io.fld.image.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The state of one model file in the model folder.
 *
 * @param entry the model
 * @param path where the file is expected
 * @param state what was found
 * @param actualSha256 the file's SHA-256, when it exists and was hashed
 * @param expectedSha256 the published or recorded SHA-256, when known
 */
public record ModelStatus(
    ModelEntry entry,
    Path path,
    State state,
    Optional<String> actualSha256,
    Optional<String> expectedSha256) {

  /** The outcome of checking a model file. */
  public enum State {
    /** The file is not in the model folder. */
    MISSING,
    /** The file is present and matches its published or recorded checksum. */
    VERIFIED,
    /** The file is present but no checksum is known to compare with. */
    UNVERIFIED,
    /** The file is present and its checksum differs from the expected one. */
    MISMATCH
  }
}
