package io.fld.metrics;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the test resources' {@code .npy} files: version 1 headers, little-endian float32, C order,
 * two dimensions. Anything else fails the test that reads it.
 */
final class TestNpy {
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)");
  private static final int MAGIC_LENGTH = 6;
  private static final int VERSION_1_PREAMBLE = 10;

  private TestNpy() {}

  /** Reads the resource at {@code path} (relative to the class-path root) as a feature set. */
  static FeatureSet read(String path) {
    try (InputStream in = TestNpy.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException("test resource not found: " + path);
      }
      return parse(in.readAllBytes(), path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FeatureSet parse(byte[] bytes, String path) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes[0] != (byte) 0x93 || bytes[MAGIC_LENGTH] != 1) {
      throw new IllegalStateException(path + ": not a version 1 npy file");
    }
    int headerLength = Short.toUnsignedInt(buffer.getShort(8));
    String header = new String(bytes, VERSION_1_PREAMBLE, headerLength, StandardCharsets.US_ASCII);
    if (!header.contains("'<f4'") || !header.contains("'fortran_order': False")) {
      throw new IllegalStateException(path + ": expected C-order '<f4', header " + header);
    }
    Matcher shape = SHAPE.matcher(header);
    if (!shape.find()) {
      throw new IllegalStateException(path + ": expected a 2-D shape, header " + header);
    }
    int rows = Integer.parseInt(shape.group(1));
    int columns = Integer.parseInt(shape.group(2));
    float[] values = new float[rows * columns];
    buffer.position(VERSION_1_PREAMBLE + headerLength);
    buffer.asFloatBuffer().get(values);
    return FeatureSet.wrap(values, rows, columns, FeatureProvenance.ofSource(path));
  }
}
