package io.fld.core.extract;

import io.fld.api.feature.FeatureSet;
import java.util.List;
import java.util.Objects;

/**
 * Features with the names of the samples they were extracted from.
 *
 * @param features one row per sample
 * @param sampleNames the name of the sample behind each row, in row order
 */
public record ExtractedFeatures(FeatureSet features, List<String> sampleNames) {
  public ExtractedFeatures {
    Objects.requireNonNull(features, "features");
    sampleNames = List.copyOf(sampleNames);
    if (sampleNames.size() != features.rows()) {
      throw new IllegalArgumentException(
          sampleNames.size() + " sample names for " + features.rows() + " feature rows");
    }
  }
}
