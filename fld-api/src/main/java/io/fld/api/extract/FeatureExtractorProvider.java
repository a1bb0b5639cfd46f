package io.fld.api.extract;

import java.io.IOException;

/**
 * Describes and opens one feature extractor. Listing providers must stay cheap: a provider never
 * loads weights or opens a session before {@link #open}.
 */
public interface FeatureExtractorProvider {

  /** Returns the extractor id, such as {@code dinov2}. */
  String name();

  /** Returns a one-line description of the network and its output. */
  String description();

  /** Returns the length of each feature vector. */
  int dimension();

  /** Returns the sample type the extractor reads. */
  Class<?> sampleType();

  /**
   * Opens the extractor. The model may still be loaded lazily, on the first call to {@link
   * FeatureExtractor#extract}.
   *
   * @throws io.fld.api.InvalidInputException if the model file is missing or does not fit; the
   *     message names the expected path and how to obtain the file
   */
  FeatureExtractor<?> open(ExtractorOptions options) throws IOException;
}
