package io.fld.core.io;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The fixture files under {@code src/test/resources/io} and the values they hold, as written by
 * {@code make_fixtures.py} there: 5 x 3 matrices whose element k = row * 3 + column is derived from
 * k.
 */
final class Fixtures {
  static final int ROWS = 5;
  static final int COLUMNS = 3;

  private Fixtures() {}

  static Path path(String name) {
    URL url = Fixtures.class.getResource("/io/" + name);
    if (url == null) {
      throw new IllegalArgumentException("missing test fixture io/" + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns {@code (k - 7) * 0.25}, exact in every float type. */
  static float quarter(int row, int column) {
    return (index(row, column) - 7) * 0.25f;
  }

  /** Returns the float64 value {@code (k - 7) * 0.25 + 0.1}, narrowed to float. */
  static float tenth(int row, int column) {
    return (float) ((index(row, column) - 7) * 0.25 + 0.1);
  }

  /** Returns the signed integer {@code k - 7 + offset}, converted to float. */
  static float signed(int row, int column, long offset) {
    return (float) (index(row, column) - 7 + offset);
  }

  /** Returns the unsigned integer {@code k + offset}, rounded to the nearest float. */
  static float unsigned(int row, int column, BigInteger offset) {
    return offset.add(BigInteger.valueOf(index(row, column))).floatValue();
  }

  static int index(int row, int column) {
    return row * COLUMNS + column;
  }

  /**
   * Returns a version 1.0 {@code .npy} file with {@code headerDict} as its header, padded as numpy
   * pads it, followed by {@code data}.
   */
  static byte[] npy(String headerDict, byte[] data) {
    int unpadded = 10 + headerDict.length() + 1;
    String header = headerDict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(NpyFormat.MAGIC);
    bytes.write(1);
    bytes.write(0);
    bytes.write(header.length() & 0xff);
    bytes.write(header.length() >> 8);
    bytes.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
    bytes.writeBytes(data);
    return bytes.toByteArray();
  }

  /** Returns a {@code .safetensors} file with {@code json} as its header, followed by data. */
  static byte[] safetensors(String json, byte[] data) {
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    ByteBuffer bytes =
        ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    return bytes.putLong(header.length).put(header).put(data).array();
  }
}
