package io.fld.core.io;

import io.fld.api.feature.FeatureSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.WritableByteChannel;

/** Encodes feature values as little-endian float32 bytes, one bounded chunk at a time. */
final class FloatChunks {
  /** Floats encoded per chunk (1 MiB of bytes). */
  private static final int CHUNK_FLOATS = 1 << 18;

  private FloatChunks() {}

  /** Receives one encoded chunk; the buffer is reused after the call returns. */
  @FunctionalInterface
  interface ChunkConsumer {
    void accept(ByteBuffer chunk) throws IOException;
  }

  /** Encodes all values of {@code features}, row-major, and passes each chunk on. */
  static void forEachChunk(FeatureSet features, ChunkConsumer consumer) throws IOException {
    FloatBuffer values = features.buffer();
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES);
    chunk.order(ByteOrder.LITTLE_ENDIAN);

    while (values.hasRemaining()) {
      int count = Math.min(values.remaining(), CHUNK_FLOATS);
      FloatBuffer slice = values.slice().limit(count);
      chunk.clear();
      chunk.asFloatBuffer().put(slice);
      chunk.limit(count * Float.BYTES);
      consumer.accept(chunk);
      values.position(values.position() + count);
    }
  }

  /** Writes all values of {@code features} to {@code channel}. */
  static void write(WritableByteChannel channel, FeatureSet features) throws IOException {
    forEachChunk(
        features,
        chunk -> {
          while (chunk.hasRemaining()) {
            channel.write(chunk);
          }
        });
  }
}
