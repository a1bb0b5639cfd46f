package io.fld.api.sample;

import java.io.IOException;

/**
 * An ordered, finite collection of samples: a folder of files, an archive, arrays in memory, or a
 * generator. Opening a cursor twice yields the same samples in the same order, except for generator
 * sources, which document how they differ.
 *
 * @param <T> the sample type
 */
public interface SampleSource<T> {

  /** Returns a description of the source for messages and provenance, such as its path. */
  String description();

  /** Returns the number of samples. */
  int size();

  /** Returns the class of the samples. */
  Class<T> sampleType();

  /**
   * Returns a string that changes whenever the samples may have changed, for cache keys: for files
   * their names, sizes and modification times, for arrays a hash of the contents.
   */
  String fingerprint() throws IOException;

  /** Opens a cursor at the first sample. */
  SampleCursor<T> open() throws IOException;
}
