package io.fld.audio;

import java.util.Comparator;

/**
 * Orders relative paths by Unicode code point, which is also the byte order of their UTF-8 forms.
 * {@link String#compareTo} compares UTF-16 units instead and puts characters beyond U+FFFF before
 * U+E000..U+FFFF.
 */
final class PathOrder {
  static final Comparator<String> CODE_POINT_ORDER = PathOrder::compareCodePoints;

  private PathOrder() {}

  static int compareCodePoints(String left, String right) {
    int i = 0;
    int j = 0;
    while (i < left.length() && j < right.length()) {
      int a = left.codePointAt(i);
      int b = right.codePointAt(j);
      if (a != b) {
        return Integer.compare(a, b);
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    return Boolean.compare(i < left.length(), j < right.length());
  }
}
