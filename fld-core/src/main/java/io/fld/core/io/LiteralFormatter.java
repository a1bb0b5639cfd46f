package io.fld.core.io;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Formats the values that {@link LiteralParser} returns back into source text for messages: as
 * Python literals for {@code .npy} headers and as JSON for {@code .safetensors} headers, so that a
 * message shows a header value the way the user wrote or printed it.
 */
final class LiteralFormatter {
  /** Python's {@code repr} of a float switches to exponent notation outside 1e-4 to 1e16. */
  private static final int MIN_PLAIN_EXPONENT = -4;

  private static final int MAX_PLAIN_EXPONENT = 16;

  private LiteralFormatter() {}

  /** Formats {@code value} as Python's {@code repr} would print it, such as {@code (200,)}. */
  static String python(Object value) {
    StringBuilder text = new StringBuilder();
    appendPython(text, value);
    return text.toString();
  }

  /** Formats {@code value} as JSON text, such as {@code [200, "a"]}, with tuples as arrays. */
  static String json(Object value) {
    StringBuilder text = new StringBuilder();
    appendJson(text, value);
    return text.toString();
  }

  private static void appendPython(StringBuilder text, Object value) {
    if (value == null) {
      text.append("None");
    } else if (value instanceof Boolean flag) {
      text.append(flag ? "True" : "False");
    } else if (value instanceof Double number) {
      text.append(pythonFloat(number));
    } else if (value instanceof String string) {
      text.append(pythonString(string));
    } else if (value instanceof LiteralParser.Tuple tuple) {
      // A one-item tuple keeps its trailing comma, as in (200,).
      String close = tuple.items().size() == 1 ? ",)" : ")";
      appendItems(text, tuple.items(), "(", close, true);
    } else if (value instanceof List<?> list) {
      appendItems(text, list, "[", "]", true);
    } else if (value instanceof Map<?, ?> map) {
      appendEntries(text, map, true);
    } else {
      text.append(value);
    }
  }

  private static void appendJson(StringBuilder text, Object value) {
    if (value == null) {
      text.append("null");
    } else if (value instanceof Double number) {
      // JSON has no infinity or NaN, so a number too large for a double keeps Python's inf.
      text.append(pythonFloat(number));
    } else if (value instanceof String string) {
      text.append(JsonStrings.quote(string));
    } else if (value instanceof LiteralParser.Tuple tuple) {
      appendItems(text, tuple.items(), "[", "]", false);
    } else if (value instanceof List<?> list) {
      appendItems(text, list, "[", "]", false);
    } else if (value instanceof Map<?, ?> map) {
      appendEntries(text, map, false);
    } else {
      text.append(value);
    }
  }

  private static void appendItems(
      StringBuilder text, List<?> items, String open, String close, boolean python) {
    text.append(open);
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      appendValue(text, items.get(i), python);
    }
    text.append(close);
  }

  private static void appendEntries(StringBuilder text, Map<?, ?> map, boolean python) {
    text.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!first) {
        text.append(", ");
      }
      first = false;
      appendValue(text, entry.getKey(), python);
      text.append(": ");
      appendValue(text, entry.getValue(), python);
    }
    text.append('}');
  }

  private static void appendValue(StringBuilder text, Object value, boolean python) {
    if (python) {
      appendPython(text, value);
    } else {
      appendJson(text, value);
    }
  }

  /**
   * Quotes {@code string} as Python's {@code repr} does: in single quotes unless the string
   * contains a single quote and no double quote, with backslash escapes for the quote, the
   * backslash and control characters.
   */
  private static String pythonString(String string) {
    char quote = string.indexOf('\'') >= 0 && string.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder quoted = new StringBuilder(string.length() + 2).append(quote);
    for (int i = 0; i < string.length(); i++) {
      char c = string.charAt(i);
      switch (c) {
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c == quote) {
            quoted.append('\\').append(c);
          } else if (Character.isISOControl(c)) {
            quoted.append(String.format("\\x%02x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append(quote).toString();
  }

  /** Formats a float as Python's {@code repr}: {@code 5.0}, {@code 1e+16}, {@code 1.5e-05}. */
  private static String pythonFloat(double number) {
    if (Double.isNaN(number)) {
      return "nan";
    }
    if (Double.isInfinite(number)) {
      return number > 0 ? "inf" : "-inf";
    }
    if (number == 0) {
      return 1 / number < 0 ? "-0.0" : "0.0";
    }

    BigDecimal decimal = new BigDecimal(Double.toString(number)).stripTrailingZeros();
    int exponent = decimal.precision() - decimal.scale() - 1;
    if (exponent >= MIN_PLAIN_EXPONENT && exponent < MAX_PLAIN_EXPONENT) {
      String plain = decimal.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }

    String digits = decimal.unscaledValue().abs().toString();
    StringBuilder text = new StringBuilder();
    if (decimal.signum() < 0) {
      text.append('-');
    }
    text.append(digits.charAt(0));
    if (digits.length() > 1) {
      text.append('.').append(digits, 1, digits.length());
    }

    text.append(exponent < 0 ? "e-" : "e+");
    int magnitude = Math.abs(exponent);
    if (magnitude < 10) {
      text.append('0');
    }
    return text.append(magnitude).toString();
  }
}
