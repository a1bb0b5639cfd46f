package io.fld.image.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A small reader for the golden arrays of the tests: little-endian {@code u1} and {@code f4} arrays
 * in C order, inside an npz archive. Enough for the fixtures, not a general npy reader.
 */
public final class NpzArrays {

  private static final int MAGIC_LENGTH = 6;
  private static final int VERSION_1_HEADER = 2;
  private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  /** One array: its shape and its values widened to float. */
  public record Array(int[] shape, float[] values) {}

  private NpzArrays() {}

  /** Reads every array of the npz resource {@code resource}, keyed by name without {@code .npy}. */
  public static Map<String, Array> read(String resource) throws IOException {
    Map<String, Array> arrays = new HashMap<>();
    try (InputStream raw = NpzArrays.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IOException("missing test resource " + resource);
      }
      ZipInputStream zip = new ZipInputStream(raw);
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        String name = entry.getName().replaceFirst("\\.npy$", "");
        arrays.put(name, parse(zip.readAllBytes()));
      }
    }
    return arrays;
  }

  private static Array parse(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int major = bytes[MAGIC_LENGTH];
    int headerLength =
        major == 1 ? buffer.getShort(MAGIC_LENGTH + VERSION_1_HEADER) & 0xffff : buffer.getInt(8);
    int headerStart = MAGIC_LENGTH + 2 + (major == 1 ? 2 : 4);
    String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header);
    int[] shape = shape(group(SHAPE, header));
    int count = 1;
    for (int side : shape) {
      count *= side;
    }
    float[] values = new float[count];
    buffer.position(headerStart + headerLength);
    for (int i = 0; i < count; i++) {
      values[i] = descr.equals("|u1") ? buffer.get() & 0xff : buffer.getFloat();
    }
    if (!descr.equals("|u1") && !descr.equals("<f4")) {
      throw new IllegalArgumentException("unsupported dtype " + descr);
    }
    return new Array(shape, values);
  }

  private static String group(Pattern pattern, String header) {
    Matcher matcher = pattern.matcher(header);
    if (!matcher.find()) {
      throw new IllegalArgumentException("bad npy header " + header);
    }
    return matcher.group(1);
  }

  private static int[] shape(String text) {
    String[] parts = text.replace(" ", "").split(",");
    return java.util.Arrays.stream(parts)
        .filter(p -> !p.isEmpty())
        .mapToInt(Integer::parseInt)
        .toArray();
  }
}
