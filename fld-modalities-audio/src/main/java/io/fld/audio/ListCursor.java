package io.fld.audio;

import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** A cursor over a fixed number of samples that are loaded one at a time by index. */
final class ListCursor<T> implements SampleCursor<T> {

  /** Loads the sample at an index. */
  @FunctionalInterface
  interface Loader<T> {
    Sample<T> load(int index) throws IOException;
  }

  private final int size;
  private final Loader<T> loader;
  private final IntFunction<String> names;
  private int position;
  private boolean closed;

  /**
   * Creates a cursor over {@code size} samples.
   *
   * @param names the name of the sample at an index, known without loading it
   */
  ListCursor(int size, Loader<T> loader, IntFunction<String> names) {
    this.size = size;
    this.loader = loader;
    this.names = names;
  }

  @Override
  public List<Sample<T>> next(int maxCount) throws IOException {
    if (closed) {
      throw new IllegalStateException("cursor is closed");
    }
    if (maxCount < 1) {
      throw new IllegalArgumentException("maxCount must be positive, got " + maxCount);
    }
    int end = Math.min(size, position + maxCount);
    List<Sample<T>> batch = new ArrayList<>(end - position);
    for (; position < end; position++) {
      batch.add(loader.load(position));
    }
    return batch;
  }

  @Override
  public List<String> skip(int count) {
    if (closed) {
      throw new IllegalStateException("cursor is closed");
    }
    int end = Math.min(size, position + Math.max(0, count));
    List<String> skipped = new ArrayList<>(end - position);
    for (; position < end; position++) {
      skipped.add(names.apply(position));
    }
    return skipped;
  }

  @Override
  public void close() {
    closed = true;
  }
}
