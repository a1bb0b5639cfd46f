package io.fld.core.extract;

import io.fld.api.feature.FeatureSet;
import java.io.IOException;
import java.nio.file.Path;

/** Turns a folder or archive of samples into features with a named extractor. */
public interface FeatureExtraction {

  /**
   * Extracts one feature row per sample of {@code input}, in the source's sorted order.
   *
   * @throws io.fld.api.InvalidInputException if the input, the extractor or its model is missing or
   *     unusable; the message names it and says what to do
   */
  default FeatureSet extract(Path input, ExtractionRequest request) throws IOException {
    return extractNamed(input, request).features();
  }

  /**
   * Extracts features like {@link #extract} and returns the sample names beside them, row by row.
   *
   * @throws io.fld.api.InvalidInputException if the input, the extractor or its model is missing or
   *     unusable
   */
  ExtractedFeatures extractNamed(Path input, ExtractionRequest request) throws IOException;
}
