package io.fld.audio;

import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A cursor over a fixed number of samples that are loaded one at a time by index. */
final class ListCursor<T> implements SampleCursor<T> {

  /** Loads the sample at an index. */
  @FunctionalInterface
  interface Loader<T> {
    Sample<T> load(int index) throws IOException;
  }

  private final int size;
  private final Loader<T> loader;
  private int position;
  private boolean closed;

  ListCursor(int size, Loader<T> loader) {
    this.size = size;
    this.loader = loader;
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
  public void close() {
    closed = true;
  }
}
