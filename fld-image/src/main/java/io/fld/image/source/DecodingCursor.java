package io.fld.image.source;

import io.fld.api.sample.RgbImage;
import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A cursor over samples known by index, decoding each batch in parallel on the common fork-join
 * pool while keeping the order.
 */
final class DecodingCursor implements SampleCursor<RgbImage> {

  /** Loads the sample at an index. */
  @FunctionalInterface
  interface Loader {
    RgbImage load(int index) throws IOException;
  }

  private final List<String> names;
  private final Loader loader;
  private final AutoCloseable resource;
  private int position;
  private boolean closed;

  DecodingCursor(List<String> names, Loader loader, AutoCloseable resource) {
    this.names = names;
    this.loader = loader;
    this.resource = resource;
  }

  @Override
  public List<Sample<RgbImage>> next(int maxCount) throws IOException {
    if (closed) {
      throw new IllegalStateException("the cursor is closed");
    }
    int end = Math.min(names.size(), position + Math.max(0, maxCount));
    int start = position;
    try {
      List<Sample<RgbImage>> batch =
          IntStream.range(start, end).parallel().mapToObj(this::load).toList();
      position = end;
      return batch;
    } catch (UncheckedIOException e) {
      throw new IOException(e.getMessage(), e.getCause());
    }
  }

  @Override
  public List<String> skip(int count) {
    if (closed) {
      throw new IllegalStateException("the cursor is closed");
    }
    int end = Math.min(names.size(), position + Math.max(0, count));
    List<String> skipped = List.copyOf(names.subList(position, end));
    position = end;
    return skipped;
  }

  private Sample<RgbImage> load(int index) {
    try {
      return new Sample<>(names.get(index), loader.load(index));
    } catch (IOException e) {
      throw new UncheckedIOException(names.get(index) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (resource != null) {
      try {
        resource.close();
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }
}
