package io.fld.api.extract;

import java.nio.file.Path;
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
}
