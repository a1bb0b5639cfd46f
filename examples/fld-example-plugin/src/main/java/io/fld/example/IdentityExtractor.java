package io.fld.example;

import io.fld.api.InvalidInputException;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.feature.FeatureProvenance;
import java.util.List;

/** Copies each row of numbers into a feature vector, checking its length. */
final class IdentityExtractor implements FeatureExtractor<float[]> {
  private static final String PREPROCESSING = "identity/v1";

  private final int columns;

  IdentityExtractor(int columns) {
    this.columns = columns;
  }

  @Override
  public String id() {
    return IdentityExtractorProvider.ID;
  }

  @Override
  public int dimension() {
    return columns;
  }

  @Override
  public Class<float[]> sampleType() {
    return float[].class;
  }

  @Override
  public String preprocessing() {
    return PREPROCESSING;
  }

  @Override
  public String modelChecksum() {
    return FeatureProvenance.NONE;
  }

  @Override
  public float[][] extract(List<float[]> samples) {
    float[][] features = new float[samples.size()][];
    for (int i = 0; i < features.length; i++) {
      float[] row = samples.get(i);
      if (row.length != columns) {
        throw new InvalidInputException(
            "the identity extractor needs rows of "
                + columns
                + " numbers, but sample "
                + i
                + " of the batch has "
                + row.length
                + "; fix the CSV file");
      }
      features[i] = row.clone();
    }
    return features;
  }

  @Override
  public void close() {
    // Holds no resources.
  }
}
