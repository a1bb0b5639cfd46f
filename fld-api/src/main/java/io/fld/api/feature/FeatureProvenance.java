package io.fld.api.feature;

import java.util.Objects;

/**
 * Where a feature matrix came from.
 *
 * @param source the file, folder or in-memory origin of the samples, as a user would recognize it
 * @param extractorId the id of the extractor that produced the features, or {@code "none"} when
 *     they were read from a feature file
 * @param modelChecksum the SHA-256 of the model weights, or {@code "none"}
 * @param preprocessing the extractor's preprocessing spec and version, or {@code "none"}
 */
public record FeatureProvenance(
    String source, String extractorId, String modelChecksum, String preprocessing) {

  /** The extractor id, checksum and preprocessing of features whose origin is only a source. */
  public static final String NONE = "none";

  public FeatureProvenance {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(extractorId, "extractorId");
    Objects.requireNonNull(modelChecksum, "modelChecksum");
    Objects.requireNonNull(preprocessing, "preprocessing");
  }

  /** Creates the provenance of features read as they are, with no extractor involved. */
  public static FeatureProvenance ofSource(String source) {
    return new FeatureProvenance(source, NONE, NONE, NONE);
  }
}
