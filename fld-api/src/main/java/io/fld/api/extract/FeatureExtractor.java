package io.fld.api.extract;

import java.util.List;

/**
 * Maps samples to feature vectors. An extractor may hold native resources such as a model session,
 * opened on first use and released by {@link #close()}.
 *
 * @param <T> the sample type it reads
 */
public interface FeatureExtractor<T> extends AutoCloseable {

  /** Returns the extractor id, such as {@code dinov2}. */
  String id();

  /** Returns the length of each feature vector. */
  int dimension();

  /** Returns the sample type it reads. */
  Class<T> sampleType();

  /**
   * Returns the preprocessing spec with its version, such as {@code pil-bicubic-224/v1}. It is part
   * of the feature cache key, so it must change whenever the preprocessing does.
   */
  String preprocessing();

  /** Returns the SHA-256 of the model weights in hex, or {@code "none"} for a model-free one. */
  String modelChecksum();

  /**
   * Computes one feature vector per sample, in order. Results must not depend on how samples are
   * split into batches.
   *
   * @throws java.io.IOException if the model cannot be read
   */
  float[][] extract(List<T> samples) throws java.io.IOException;

  /** Releases native resources; closing twice has no effect. */
  @Override
  void close();
}
