package io.fld.cli;

import io.fld.core.extract.ExtractionRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that control feature extraction from folders of samples. */
final class ExtractionSettings {
  static final int DEFAULT_BATCH_SIZE = 32;

  @Option(
      names = "--extractor",
      paramLabel = "ID",
      description = "Extract features from folders with this extractor (see fld list).")
  String extractorId;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "Use this model file instead of the extractor's own resolution.")
  Path modelFile;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_BATCH_SIZE,
      description = "Samples per inference call (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--device",
      paramLabel = "cpu|cuda",
      defaultValue = "cpu",
      description = "Where the extractor runs (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "Feature cache folder (default: $FLD_HOME/features).")
  Path cacheDirectory;

  @Option(names = "--no-cache", description = "Extract without reading or writing the cache.")
  boolean noCache;

  @Option(
      names = "--cache-name",
      paramLabel = "NAME",
      description =
          "Name the cache entry, so that features of the same input can be kept apart"
              + " (part of the cache key and the file name).")
  String cacheName;

  String extractorId() {
    return extractorId;
  }

  boolean hasExtractor() {
    return extractorId != null;
  }

  /**
   * Returns the request for these options, caching in {@code defaultCache} unless {@code --cache}
   * or {@code --no-cache} is given.
   */
  ExtractionRequest request(Path defaultCache) {
    if (batchSize < 1) {
      throw new io.fld.api.InvalidInputException(
          "--batch-size must be at least 1, got " + batchSize);
    }
    Optional<Path> cache =
        noCache
            ? Optional.empty()
            : Optional.of(cacheDirectory == null ? defaultCache : cacheDirectory);
    return new ExtractionRequest(
        extractorId,
        Optional.ofNullable(modelFile),
        cache,
        Optional.ofNullable(cacheName).filter(name -> !name.isBlank()),
        batchSize,
        0,
        device,
        false,
        Map.of());
  }
}
