package io.fld.core.io;

import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
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
}
