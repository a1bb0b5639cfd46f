package io.fld.core.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small literal headers of feature files: the Python dict of an {@code .npy} file and
 * the JSON object of a {@code .safetensors} file. It accepts both syntaxes (single or double
 * quotes, {@code True}/{@code true}, {@code None}/{@code null}, tuples and lists), which is safe
 * for reading because each format is a subset.
 *
 * <p>Dicts become {@link LinkedHashMap}s, tuples and lists become {@link List}s ({@link Tuple} for
 * tuples), integers become {@link Long}, other numbers {@link Double}, and {@code None} becomes
 * {@code null}.
 */
final class LiteralParser {
  /** The maximum nesting of dicts, lists and tuples; real headers nest two or three levels. */
  static final int MAX_DEPTH = 64;

  private final String text;
  private int position;
  private int depth;

  /** A Python tuple, kept apart from lists because numpy writes shapes as tuples. */
  record Tuple(List<Object> items) {}

  /** Signals text that is not a valid literal; the message names the character position. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message) {
      super(message);
    }
  }

  private LiteralParser(String text) {
    this.text = text;
  }

  /** Parses {@code text}, which must contain one literal and nothing else but whitespace. */
  static Object parse(String text) throws SyntaxException {
    LiteralParser parser = new LiteralParser(text);
    Object value = parser.value();
    parser.skipWhitespace();
    if (parser.position < text.length()) {
      throw parser.error("unexpected text after the end of the literal");
    }
    return value;
  }

  private Object value() throws SyntaxException {
    skipWhitespace();
    if (position >= text.length()) {
      throw error("the text ends where a value should start");
    }
    char first = text.charAt(position);
    return switch (first) {
      case '{' -> nested(this::dict);
      case '[' -> nested(() -> sequence('[', ']'));
      case '(' -> nested(() -> new Tuple(sequence('(', ')')));
      case '\'', '"' -> string();
      default -> first == '-' || first == '+' || Character.isDigit(first) ? number() : word();
    };
  }

  /** A parse step that may raise a syntax error. */
  @FunctionalInterface
  private interface Step {
    Object parse() throws SyntaxException;
  }

  /** Runs {@code step} one nesting level deeper, so that hostile input cannot exhaust the stack. */
  private Object nested(Step step) throws SyntaxException {
    if (depth >= MAX_DEPTH) {
      throw error("the literal nests deeper than " + MAX_DEPTH + " levels");
    }
    depth++;
    try {
      return step.parse();
    } finally {
      depth--;
    }
  }

  private Map<String, Object> dict() throws SyntaxException {
    Map<String, Object> entries = new LinkedHashMap<>();
    position++;
    while (true) {
      skipWhitespace();
      if (peek('}')) {
        position++;
        return entries;
      }
      if (!peek('\'') && !peek('"')) {
        throw error("expected a quoted key");
      }
      String key = string();
      skipWhitespace();
      expect(':');
      entries.put(key, value());
      skipWhitespace();
      if (peek(',')) {
        position++;
      } else if (!peek('}')) {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> sequence(char open, char close) throws SyntaxException {
    List<Object> items = new ArrayList<>();
    position++;
    while (true) {
      skipWhitespace();
      if (peek(close)) {
        position++;
        return items;
      }
      items.add(value());
      skipWhitespace();
      if (peek(',')) {
        position++;
      } else if (!peek(close)) {
        throw error("expected ',' or '" + close + "' after an item opened by '" + open + "'");
      }
    }
  }

  private String string() throws SyntaxException {
    char quote = text.charAt(position++);
    StringBuilder result = new StringBuilder();
    while (position < text.length()) {
      char next = text.charAt(position++);
      if (next == quote) {
        return result.toString();
      }
      if (next == '\\') {
        result.append(escape());
      } else {
        result.append(next);
      }
    }
    throw error("a string is not closed");
  }

  private char escape() throws SyntaxException {
    if (position >= text.length()) {
      throw error("a string ends inside an escape sequence");
    }
    char code = text.charAt(position++);
    return switch (code) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'u' -> hexCharacter(4);
      case 'x' -> hexCharacter(2);
      default -> code;
    };
  }

  private char hexCharacter(int digits) throws SyntaxException {
    if (position + digits > text.length()) {
      throw error("a string ends inside a hexadecimal escape");
    }
    String hex = text.substring(position, position + digits);
    position += digits;
    try {
      return (char) Integer.parseInt(hex, 16);
    } catch (NumberFormatException e) {
      throw error("invalid hexadecimal escape '" + hex + "'");
    }
  }

  private Object number() throws SyntaxException {
    int start = position;
    while (position < text.length() && isNumberCharacter(text.charAt(position))) {
      position++;
    }
    String digits = text.substring(start, position);
    // Python 2 wrote long integers with an L suffix, as in (5000L, 64L).
    if (position < text.length() && (peek('L') || peek('l'))) {
      position++;
    }
    try {
      if (digits.matches("[+-]?\\d+")) {
        return Long.parseLong(digits);
      }
      return Double.parseDouble(digits);
    } catch (NumberFormatException e) {
      throw error("invalid number '" + digits + "'");
    }
  }

  private static boolean isNumberCharacter(char c) {
    return Character.isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  }

  private Object word() throws SyntaxException {
    int start = position;
    while (position < text.length() && Character.isLetter(text.charAt(position))) {
      position++;
    }
    String word = text.substring(start, position);
    return switch (word) {
      case "True", "true" -> Boolean.TRUE;
      case "False", "false" -> Boolean.FALSE;
      case "None", "null" -> null;
      default -> {
        position = start;
        throw error("unexpected character '" + text.charAt(start) + "'");
      }
    };
  }

  private void skipWhitespace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private boolean peek(char expected) {
    return position < text.length() && text.charAt(position) == expected;
  }

  private void expect(char expected) throws SyntaxException {
    if (!peek(expected)) {
      throw error("expected '" + expected + "'");
    }
    position++;
  }

  private SyntaxException error(String problem) {
    return new SyntaxException(problem + " at character " + position);
  }
}
