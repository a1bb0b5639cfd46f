package io.fld.example;

import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.extract.FeatureExtractorProvider;

/**
 * Provides the {@code identity} extractor: rows of {@value #COLUMNS} numbers become feature vectors
 * unchanged. It needs no model, so opening it is free.
 */
public final class IdentityExtractorProvider implements FeatureExtractorProvider {
  /** The number of values each sample row must have. */
  public static final int COLUMNS = 4;

  static final String ID = "identity";

  @Override
  public String name() {
    return ID;
  }

  @Override
  public String description() {
    return "passes rows of " + COLUMNS + " numbers through unchanged (for .csv samples)";
  }

  @Override
  public int dimension() {
    return COLUMNS;
  }

  @Override
  public Class<?> sampleType() {
    return float[].class;
  }

  @Override
  public FeatureExtractor<float[]> open(ExtractorOptions options) {
    return new IdentityExtractor(COLUMNS);
  }
}
