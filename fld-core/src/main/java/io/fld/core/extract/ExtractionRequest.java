package io.fld.core.extract;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to extract and how.
 *
 * @param extractorId the id of the extractor, such as {@code dinov2}
 * @param modelFile an explicit model file, overriding the extractor's own resolution
 * @param cacheDirectory the feature cache folder, or empty to compute without caching
 * @param cacheName a user-given name for the cache entry, as the reference's {@code name=}
 * @param batchSize samples per inference call
 * @param threads intra-op threads for inference, or 0 for the runtime's default
 * @param device {@code cpu} or {@code cuda}
 * @param skipInvalid whether unreadable samples are skipped and listed instead of failing
 * @param sourceOptions options of the sample source, such as {@code extensions=png,jpg}
 * @param extractorOptions extractor-specific settings, passed on as {@link
 *     io.fld.api.extract.ExtractorOptions#extra()}
 */
public record ExtractionRequest(
    String extractorId,
    Optional<Path> modelFile,
    Optional<Path> cacheDirectory,
    Optional<String> cacheName,
    int batchSize,
    int threads,
    String device,
    boolean skipInvalid,
    Map<String, String> sourceOptions,
    Map<String, String> extractorOptions) {

  public ExtractionRequest {
    Objects.requireNonNull(extractorId, "extractorId");
    Objects.requireNonNull(modelFile, "modelFile");
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
    Objects.requireNonNull(cacheName, "cacheName");
    Objects.requireNonNull(device, "device");
    sourceOptions = Map.copyOf(sourceOptions);
    extractorOptions = Map.copyOf(extractorOptions);
  }

  /** Creates a request without extractor-specific settings. */
  public ExtractionRequest(
      String extractorId,
      Optional<Path> modelFile,
      Optional<Path> cacheDirectory,
      Optional<String> cacheName,
      int batchSize,
      int threads,
      String device,
      boolean skipInvalid,
      Map<String, String> sourceOptions) {
    this(
        extractorId,
        modelFile,
        cacheDirectory,
        cacheName,
        batchSize,
        threads,
        device,
        skipInvalid,
        sourceOptions,
        Map.of());
  }
}
