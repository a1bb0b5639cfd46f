package io.fld.api.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the samples of a source in order, in batches. */
public interface SampleCursor<T> extends AutoCloseable {
  /** The maximum number of samples that the default {@link #skip} decodes at once. */
  int DEFAULT_SKIP_BATCH = 64;

  /**
   * Returns up to {@code maxCount} next samples, or an empty list when the source is exhausted.
   *
   * @throws IOException if a sample cannot be read; the message names the sample
   */
  List<Sample<T>> next(int maxCount) throws IOException;

  /**
   * Moves past up to {@code count} next samples and returns their names, fewer when the source is
   * exhausted. Resuming an interrupted extraction calls it for the samples already extracted. The
   * default reads them with {@link #next}, a few at a time. A cursor that can list its names
   * without decoding should override it and not decode.
   *
   * @throws IOException if a sample cannot be read
   */
  default List<String> skip(int count) throws IOException {
    List<String> names = new ArrayList<>();
    while (names.size() < count) {
      List<Sample<T>> skipped = next(Math.min(count - names.size(), DEFAULT_SKIP_BATCH));
      if (skipped.isEmpty()) {
        break;
      }
      skipped.forEach(sample -> names.add(sample.name()));
    }
    return names;
  }

  /** Releases the cursor's resources; closing twice has no effect. */
  @Override
  void close() throws IOException;
}
