package io.fld.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiteralParserTest {

  @Test
  void parsesNumpyHeaderDict() throws Exception {
    Object parsed =
        LiteralParser.parse("{'descr': '<f4', 'fortran_order': False, 'shape': (5000, 64), }   ");

    Map<?, ?> dict = (Map<?, ?>) parsed;
    assertEquals("<f4", dict.get("descr"));
    assertEquals(Boolean.FALSE, dict.get("fortran_order"));
    assertEquals(new LiteralParser.Tuple(List.of(5000L, 64L)), dict.get("shape"));
  }

  @Test
  void parsesOneElementAndEmptyTuples() throws Exception {
    assertEquals(new LiteralParser.Tuple(List.of(7L)), LiteralParser.parse("(7,)"));
    assertEquals(new LiteralParser.Tuple(List.of()), LiteralParser.parse("()"));
  }

  @Test
  void parsesJsonWithEscapes() throws Exception {
    Object parsed =
        LiteralParser.parse(
            "{\"a\\\"b\": {\"shape\": [1, 2], \"x\": null, \"y\": true, \"z\": -1.5e3},"
                + " \"\\u00e9\": \"\\n\"}");

    Map<?, ?> dict = (Map<?, ?>) parsed;
    Map<?, ?> inner = (Map<?, ?>) dict.get("a\"b");
    assertEquals(List.of(1L, 2L), inner.get("shape"));
    assertEquals(null, inner.get("x"));
    assertEquals(Boolean.TRUE, inner.get("y"));
    assertEquals(-1500.0, inner.get("z"));
    assertEquals("\n", dict.get("\u00e9"));
  }

  @Test
  void rejectsTrailingText() {
    LiteralParser.SyntaxException error =
        assertThrows(LiteralParser.SyntaxException.class, () -> LiteralParser.parse("{} x"));

    assertEquals("unexpected text after the end of the literal at character 3", error.getMessage());
  }

  @Test
  void rejectsUnclosedString() {
    LiteralParser.SyntaxException error =
        assertThrows(LiteralParser.SyntaxException.class, () -> LiteralParser.parse("{'descr"));

    assertEquals("a string is not closed at character 7", error.getMessage());
  }

  @Test
  void rejectsCallExpressions() {
    LiteralParser.SyntaxException error =
        assertThrows(
            LiteralParser.SyntaxException.class,
            () -> LiteralParser.parse("{'descr': __import__('os')}"));

    assertEquals("unexpected character '_' at character 10", error.getMessage());
  }

  @Test
  void rejectsDeepNesting() {
    String deep = "[".repeat(LiteralParser.MAX_DEPTH + 1) + "]".repeat(LiteralParser.MAX_DEPTH + 1);

    LiteralParser.SyntaxException error =
        assertThrows(LiteralParser.SyntaxException.class, () -> LiteralParser.parse(deep));

    assertEquals("the literal nests deeper than 64 levels at character 64", error.getMessage());
  }
}
