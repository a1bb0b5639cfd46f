package io.fld.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds WAVE files byte by byte for decoder tests. */
final class WavBytes {
  private final ByteOrder order;
  private final String magic;
  private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();

  private WavBytes(String magic, ByteOrder order) {
    this.magic = magic;
    this.order = order;
  }

  static WavBytes riff() {
    return new WavBytes("RIFF", ByteOrder.LITTLE_ENDIAN);
  }

  static WavBytes rifx() {
    return new WavBytes("RIFX", ByteOrder.BIG_ENDIAN);
  }

  static WavBytes rf64() {
    return new WavBytes("RF64", ByteOrder.LITTLE_ENDIAN);
  }

  /** Appends a plain 16-byte {@code fmt } chunk. */
  WavBytes fmt(int tag, int channels, int rate, int bits) {
    int block = channels * ((bits + 7) / 8);
    ByteBuffer body = buffer(16);
    body.putShort((short) tag).putShort((short) channels).putInt(rate).putInt(rate * block);
    body.putShort((short) block).putShort((short) bits);
    return chunk("fmt ", body.array());
  }

  /** Appends a 40-byte WAVE_FORMAT_EXTENSIBLE {@code fmt } chunk with a standard subformat. */
  WavBytes extensibleFmt(int subformat, int channels, int rate, int bits) {
    int block = channels * ((bits + 7) / 8);
    ByteBuffer body = buffer(40);
    body.putShort((short) 0xFFFE).putShort((short) channels).putInt(rate).putInt(rate * block);
    body.putShort((short) block).putShort((short) bits).putShort((short) 22);
    body.putShort((short) bits).putInt(0);
    body.putShort((short) subformat);
    body.put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38});
    body.put(new byte[] {(byte) 0x9B, 0x71});
    return chunk("fmt ", body.array());
  }

  WavBytes chunk(String id, byte[] body) {
    return chunk(id, body, body.length);
  }

  /** Appends a chunk whose header declares {@code declaredSize}, plus a pad byte when odd. */
  WavBytes chunk(String id, byte[] body, long declaredSize) {
    chunks.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
    chunks.writeBytes(buffer(4).putInt((int) declaredSize).array());
    chunks.writeBytes(body);
    if (body.length % 2 == 1) {
      chunks.write(0);
    }
    return this;
  }

  /** Returns values written in this file's byte order, {@code bytesEach} bytes per value. */
  byte[] samples(int bytesEach, long... values) {
    ByteBuffer data = buffer(values.length * bytesEach);
    for (long value : values) {
      switch (bytesEach) {
        case 1 -> data.put((byte) value);
        case 2 -> data.putShort((short) value);
        case 3 -> put24(data, (int) value);
        case 4 -> data.putInt((int) value);
        default -> throw new IllegalArgumentException("bytes " + bytesEach);
      }
    }
    return data.array();
  }

  byte[] floats(float... values) {
    ByteBuffer data = buffer(values.length * 4);
    for (float value : values) {
      data.putFloat(value);
    }
    return data.array();
  }

  byte[] doubles(double... values) {
    ByteBuffer data = buffer(values.length * 8);
    for (double value : values) {
      data.putDouble(value);
    }
    return data.array();
  }

  byte[] bytes() {
    byte[] body = chunks.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(magic.getBytes(StandardCharsets.ISO_8859_1));
    int riffSize = magic.equals("RF64") ? -1 : body.length + 4;
    out.writeBytes(buffer(4).putInt(riffSize).array());
    out.writeBytes("WAVE".getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private void put24(ByteBuffer data, int value) {
    if (order == ByteOrder.BIG_ENDIAN) {
      data.put((byte) (value >> 16)).put((byte) (value >> 8)).put((byte) value);
    } else {
      data.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }
  }

  private ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(order);
  }
}
