package io.fld.core.io;

/** Quotes strings for the JSON headers that the writers produce. */
final class JsonStrings {
  private static final char LAST_CONTROL_CHARACTER = 0x1f;

  private JsonStrings() {}

  /** Returns {@code text} as a JSON string literal, escaping quotes, backslashes and controls. */
  static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c <= LAST_CONTROL_CHARACTER) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
