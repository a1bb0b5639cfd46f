package io.fld.api.sample;

import java.io.IOException;
import java.util.List;

/** Reads the samples of a source in order, in batches. */
public interface SampleCursor<T> extends AutoCloseable {

  /**
   * Returns up to {@code maxCount} next samples, or an empty list when the source is exhausted.
   *
   * @throws IOException if a sample cannot be read; the message names the sample
   */
  List<Sample<T>> next(int maxCount) throws IOException;

  /** Releases the cursor's resources; closing twice has no effect. */
  @Override
  void close() throws IOException;
}
