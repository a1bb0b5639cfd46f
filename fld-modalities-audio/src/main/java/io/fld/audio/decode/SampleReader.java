package io.fld.audio.decode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads one channel sample at a byte offset and scales it to [-1, 1]. */
@FunctionalInterface
interface SampleReader {
  double PCM8_OFFSET = 128.0;
  double PCM8_SCALE = 128.0;
  double PCM16_SCALE = 32768.0;
  double PCM24_SCALE = 8388608.0;
  double PCM32_SCALE = 2147483648.0;

  double read(int offset);

  static SampleReader of(WavFormat format, ByteBuffer buffer) {
    if (format.encoding() == WavFormat.Encoding.IEEE_FLOAT) {
      return format.bytesPerSample() == 4
          ? offset -> buffer.getFloat(offset)
          : offset -> buffer.getDouble(offset);
    }
    return switch (format.bytesPerSample()) {
      case 1 -> offset -> ((buffer.get(offset) & 0xff) - PCM8_OFFSET) / PCM8_SCALE;
      case 2 -> offset -> buffer.getShort(offset) / PCM16_SCALE;
      case 3 -> offset -> int24(buffer, offset) / PCM24_SCALE;
      case 4 -> offset -> buffer.getInt(offset) / PCM32_SCALE;
      default -> throw new IllegalStateException("unchecked sample size " + format);
    };
  }

  /** Reads a signed 24-bit integer in the buffer's byte order. */
  private static int int24(ByteBuffer buffer, int offset) {
    int b0 = buffer.get(offset) & 0xff;
    int b1 = buffer.get(offset + 1) & 0xff;
    int b2 = buffer.get(offset + 2);
    if (buffer.order() == ByteOrder.BIG_ENDIAN) {
      return (buffer.get(offset) << 16) | (b1 << 8) | (buffer.get(offset + 2) & 0xff);
    }
    return (b2 << 16) | (b1 << 8) | b0;
  }
}
