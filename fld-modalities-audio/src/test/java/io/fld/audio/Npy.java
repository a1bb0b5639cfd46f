package io.fld.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal reader of little-endian, C-ordered float32 and float64 {@code .npy} files for tests.
 *
 * @param shape the array shape
 * @param values the values, row-major, widened to double
 */
record Npy(int[] shape, double[] values) {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|]?)(f[48])'");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  /** Reads a test resource under {@code /audio/expected}. */
  static Npy resource(String name) throws IOException {
    try (InputStream in = Npy.class.getResourceAsStream("/audio/expected/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource /audio/expected/" + name);
      }
      return parse(in.readAllBytes(), name);
    }
  }

  static Npy parse(byte[] bytes, String name) throws IOException {
    if (!Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw new IOException(name + ": not an npy file");
    }

    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int major = bytes[6];
    int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : buffer.getInt(8);
    int headerStart = major == 1 ? 10 : 12;
    String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
    if (header.contains("'fortran_order': True")) {
      throw new IOException(name + ": Fortran order is not supported by this test reader");
    }

    Matcher descr = DESCR.matcher(header);
    Matcher shapeMatch = SHAPE.matcher(header);
    if (!descr.find() || !shapeMatch.find() || descr.group(1).equals(">")) {
      throw new IOException(name + ": unsupported npy header " + header);
    }
    int[] shape =
        Arrays.stream(shapeMatch.group(1).split(","))
            .map(String::strip)
            .filter(part -> !part.isEmpty())
            .mapToInt(Integer::parseInt)
            .toArray();

    int count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    buffer.position(headerStart + headerLength);
    double[] values = new double[count];
    boolean isFloat32 = descr.group(2).equals("f4");
    for (int i = 0; i < count; i++) {
      values[i] = isFloat32 ? buffer.getFloat() : buffer.getDouble();
    }
    return new Npy(shape, values);
  }

  /** Returns element {@code [row][column]} of a 2-D view with {@code columns} columns. */
  double at(int row, int column, int columns) {
    return values[row * columns + column];
  }
}
