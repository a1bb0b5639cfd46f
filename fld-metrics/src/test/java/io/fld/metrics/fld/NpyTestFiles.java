package io.fld.metrics.fld;

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
 * Reads the reference {@code .npy} test resources: little-endian float32 ({@code <f4}), C order, 2
 * dimensions. Anything else fails the test, because the resources are all of that form.
 */
final class NpyTestFiles {
  private static final String RESOURCE_ROOT = "/reference/";
  private static final int MAGIC_LENGTH = 6;
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)");

  private NpyTestFiles() {}

  /** Reads {@code reference/<path>} from the test class path as a feature set. */
  static FeatureSet read(String path) {
    float[][] rows = readRows(path);
    return FeatureSet.of(rows, FeatureProvenance.ofSource(path));
  }

  /** Reads {@code reference/<path>} as an array of rows. */
  static float[][] readRows(String path) {
    try (InputStream stream = NpyTestFiles.class.getResourceAsStream(RESOURCE_ROOT + path)) {
      if (stream == null) {
        throw new IllegalStateException("test resource reference/" + path + " is missing");
      }
      return parse(path, stream.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float[][] parse(String path, byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int major = bytes[MAGIC_LENGTH];
    buffer.position(MAGIC_LENGTH + 2);
    int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort()) : buffer.getInt();
    String header = new String(bytes, buffer.position(), headerLength, StandardCharsets.US_ASCII);
    if (!header.contains("'<f4'") || !header.contains("'fortran_order': False")) {
      throw new IllegalStateException(path + ": expected C-order <f4 data, header " + header);
    }
    Matcher shape = SHAPE.matcher(header);
    if (!shape.find()) {
      throw new IllegalStateException(path + ": expected a 2-D shape, header " + header);
    }
    int rows = Integer.parseInt(shape.group(1));
    int columns = Integer.parseInt(shape.group(2));
    buffer.position(buffer.position() + headerLength);
    float[][] values = new float[rows][columns];
    for (float[] row : values) {
      buffer.asFloatBuffer().get(row);
      buffer.position(buffer.position() + columns * Float.BYTES);
    }
    return values;
  }
}
