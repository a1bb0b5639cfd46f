package io.fld.core.io;

import io.fld.api.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Streams the elements of a stored array into a row-major float array, one fixed-size chunk at a
 * time, so that reading needs no second copy of the file in memory.
 */
final class MatrixDecoder {
  /** Bytes read per chunk; a multiple of every element size. */
  static final int CHUNK_BYTES = 1 << 20;

  private final String source;
  private final ArrayLayout layout;
  private final float[] values;
  private final float[] scratch;
  private int decoded;

  private MatrixDecoder(String source, ArrayLayout layout) {
    this.source = source;
    this.layout = layout;
    this.values = new float[layout.elementCount()];
    this.scratch = layout.columnMajor() ? new float[CHUNK_BYTES / layout.type().byteSize()] : null;
  }

  /**
   * Reads exactly {@link ArrayLayout#dataBytes()} bytes from {@code channel} and returns the
   * elements as a row-major float array.
   *
   * @throws InvalidInputException if the channel ends early or a value exceeds the float range
   */
  static float[] read(ReadableByteChannel channel, ArrayLayout layout, String source)
      throws IOException {
    MatrixDecoder decoder = new MatrixDecoder(source, layout);
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(layout.order());
    long remaining = layout.dataBytes();

    while (remaining > 0) {
      chunk.clear();
      chunk.limit((int) Math.min(remaining, CHUNK_BYTES));
      long read = readFully(channel, chunk);
      if (chunk.hasRemaining()) {
        long actual = layout.dataBytes() - remaining + read;
        throw truncated(source, layout, actual);
      }
      chunk.flip();
      decoder.accept(chunk);
      remaining -= chunk.limit();
    }
    return decoder.values;
  }

  /** Reads until {@code buffer} is full or the channel ends; returns the bytes read. */
  static long readFully(ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
    long total = 0;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer);
      if (read < 0) {
        break;
      }
      total += read;
    }
    return total;
  }

  private static InvalidInputException truncated(String source, ArrayLayout layout, long actual) {
    return new InvalidInputException(
        source
            + " is truncated: shape "
            + layout.shapeText()
            + " of "
            + layout.type().displayName()
            + " needs "
            + layout.dataBytes()
            + " data bytes but only "
            + actual
            + " are present; write the file again");
  }

  private void accept(ByteBuffer chunk) {
    int count = chunk.remaining() / layout.type().byteSize();
    if (layout.columnMajor()) {
      decode(chunk, scratch, 0, count);
      scatterColumnMajor(count);
    } else {
      decode(chunk, values, decoded, count);
    }
    decoded += count;
  }

  private void decode(ByteBuffer chunk, float[] target, int offset, int count) {
    switch (layout.type()) {
      case FLOAT32 -> chunk.asFloatBuffer().get(target, offset, count);
      case FLOAT64 -> decodeDoubles(chunk, target, offset, count);
      case FLOAT16 -> {
        for (int i = 0; i < count; i++) {
          target[offset + i] = HalfFloats.halfToFloat(chunk.getShort());
        }
      }
      case BFLOAT16 -> {
        for (int i = 0; i < count; i++) {
          target[offset + i] = HalfFloats.bfloat16ToFloat(chunk.getShort());
        }
      }
      default -> decodeIntegers(chunk, target, offset, count);
    }
  }

  private void decodeDoubles(ByteBuffer chunk, float[] target, int offset, int count) {
    for (int i = 0; i < count; i++) {
      double value = chunk.getDouble();
      float narrowed = (float) value;
      if (Float.isInfinite(narrowed) && Double.isFinite(value)) {
        throw outOfFloatRange(value, decoded + i);
      }
      target[offset + i] = narrowed;
    }
  }

  private void decodeIntegers(ByteBuffer chunk, float[] target, int offset, int count) {
    for (int i = 0; i < count; i++) {
      target[offset + i] = nextInteger(chunk);
    }
  }

  private float nextInteger(ByteBuffer chunk) {
    return switch (layout.type()) {
      case INT8 -> chunk.get();
      case INT16 -> chunk.getShort();
      case INT32 -> chunk.getInt();
      case INT64 -> chunk.getLong();
      case UINT8 -> Byte.toUnsignedInt(chunk.get());
      case UINT16 -> Short.toUnsignedInt(chunk.getShort());
      case UINT32 -> Integer.toUnsignedLong(chunk.getInt());
      case UINT64 -> unsignedLongToFloat(chunk.getLong());
      default -> throw new IllegalStateException("not an integer type: " + layout.type());
    };
  }

  private static float unsignedLongToFloat(long bits) {
    if (bits >= 0) {
      return bits;
    }
    // Halve while keeping the lowest bit for correct rounding, then double.
    return ((float) ((bits >>> 1) | (bits & 1))) * 2f;
  }

  /** Moves {@code count} elements, listed column by column, from the scratch chunk to the rows. */
  private void scatterColumnMajor(int count) {
    int rows = layout.rows();
    int columns = layout.columns();
    int row = decoded % rows;
    int column = decoded / rows;
    for (int i = 0; i < count; i++) {
      values[row * columns + column] = scratch[i];
      row++;
      if (row == rows) {
        row = 0;
        column++;
      }
    }
  }

  private InvalidInputException outOfFloatRange(double value, int storedIndex) {
    int row;
    int column;
    if (layout.columnMajor()) {
      row = storedIndex % layout.rows();
      column = storedIndex / layout.rows();
    } else {
      row = storedIndex / layout.columns();
      column = storedIndex % layout.columns();
    }
    return new InvalidInputException(
        source
            + ": value "
            + value
            + " at row "
            + row
            + ", column "
            + column
            + " exceeds the float32 range (about 3.4e38); rescale the features before saving"
            + " them");
  }
}
