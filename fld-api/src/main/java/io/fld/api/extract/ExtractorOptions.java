package io.fld.api.extract;

import io.fld.api.InvalidInputException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Settings for opening an extractor.
 *
 * @param modelFile an explicit model file, overriding the extractor's own resolution
 * @param modelDirectory the folder where model files are cached
 * @param batchSize the number of samples per inference call
 * @param threads the number of intra-op threads, or 0 for the runtime's default
 * @param device {@code cpu} or {@code cuda}
 * @param extra extractor-specific settings
 */
public record ExtractorOptions(
    Optional<Path> modelFile,
    Path modelDirectory,
    int batchSize,
    int threads,
    String device,
    Map<String, String> extra) {

  public ExtractorOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    extra = Map.copyOf(extra);
  }

  /**
   * Checks that every extra option is one that the extractor reads, so that a mistyped name is
   * rejected instead of having no effect.
   *
   * @param extractorId the extractor, for the message
   * @param known the names of the extra options the extractor reads
   * @throws InvalidInputException naming the first unknown option and listing the known ones
   */
  public void requireKnownExtra(String extractorId, Collection<String> known) {
    for (String key : extra.keySet()) {
      if (!known.contains(key)) {
        throw new InvalidInputException(
            "unknown extractor option '"
                + key
                + "' for extractor "
                + extractorId
                + "; known options: "
                + String.join(", ", known)
                + " (on the command line: --extractor-option NAME=VALUE)");
      }
    }
  }
}
