package io.fld.cli;

import io.fld.core.cache.FeatureCache;
import io.fld.core.extract.ExtractionRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that control feature extraction from folders of samples. */
final class ExtractionSettings {
  static final int DEFAULT_BATCH_SIZE = 32;

  /**
   * The largest batch accepted. A batch of decoded samples is held in memory at once, and 4096
   * images of 224 x 224 pixels take 2.5 GB as floats.
   */
  static final int MAX_BATCH_SIZE = 4096;

  private static final String SKIP_INVALID = "skip-invalid";
  private static final java.util.Set<String> DEVICES = java.util.Set.of("cpu", "cuda");

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
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new io.fld.api.InvalidInputException(
          "--batch-size must lie in [1, " + MAX_BATCH_SIZE + "], got " + batchSize);
    }
    if (!DEVICES.contains(device)) {
      throw new io.fld.api.InvalidInputException(
          "--device must be cpu or cuda, got '" + device + "'");
    }
    Optional<Path> cache =
        noCache
            ? Optional.empty()
            : Optional.of(cacheDirectory == null ? defaultCache : cacheDirectory);
    cache.ifPresent(FeatureCache::requireUsableFolder);
    return new ExtractionRequest(
        extractorId,
        Optional.ofNullable(modelFile),
        cache,
        Optional.ofNullable(cacheName).filter(name -> !name.isBlank()),
        batchSize,
        0,
        device,
        skipInvalid,
        sourceOptions(),
        KeyValueOptions.parse("--extractor-option", extractorOptions));
  }

  @Option(
      names = "--extractor-option",
      paramLabel = "NAME=VALUE",
      description =
          "A setting of the extractor that its documentation names, such as"
              + " short-clips=reject for vggish (repeatable).")
  List<String> extractorOptions = new ArrayList<>();

  @Option(
      names = "--source-option",
      paramLabel = "NAME=VALUE",
      description =
          "An option of the sample source, such as extensions=png,jpg (repeatable; see fld list).")
  Map<String, String> sourceOptions = new LinkedHashMap<>();

  @Option(
      names = "--skip-invalid",
      description =
          "Leave out samples that cannot be read, listing them, instead of failing"
              + " (the source option skip-invalid=true).")
  boolean skipInvalid;

  /**
   * Returns the options for the sample source: {@code --source-option} and {@code --skip-invalid}.
   */
  Map<String, String> sourceOptions() {
    Map<String, String> options = new LinkedHashMap<>(sourceOptions);
    if (skipInvalid) {
      options.put(SKIP_INVALID, Boolean.TRUE.toString());
    }
    return options;
  }
}
