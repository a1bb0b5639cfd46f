package io.fld.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Formats parsed header values back into Python and JSON source text. */
class LiteralFormatterTest {

  private static LiteralParser.Tuple tuple(Object... items) {
    return new LiteralParser.Tuple(Arrays.asList(items));
  }

  private static String reparsedPython(String literal) throws LiteralParser.SyntaxException {
    return LiteralFormatter.python(LiteralParser.parse(literal));
  }

  @Test
  void pythonTuples() {
    assertEquals("()", LiteralFormatter.python(tuple()));
    assertEquals("(200,)", LiteralFormatter.python(tuple(200L)));
    assertEquals("(5000, 64)", LiteralFormatter.python(tuple(5000L, 64L)));
    assertEquals("((200,), 16)", LiteralFormatter.python(tuple(tuple(200L), 16L)));
  }

  @Test
  void pythonStructuredDtype() {
    List<Object> fields = List.of(tuple("a", "<f4"), tuple("b", "<f4"));

    assertEquals("[('a', '<f4'), ('b', '<f4')]", LiteralFormatter.python(fields));
  }

  @Test
  void pythonConstants() {
    assertEquals("None", LiteralFormatter.python(null));
    assertEquals("True", LiteralFormatter.python(true));
    assertEquals("False", LiteralFormatter.python(false));
    assertEquals("-3", LiteralFormatter.python(-3L));
  }

  @Test
  void pythonStringsUseReprQuoting() {
    assertEquals("'<f4'", LiteralFormatter.python("<f4"));
    assertEquals("\"it's\"", LiteralFormatter.python("it's"));
    assertEquals("'both \\' and \"'", LiteralFormatter.python("both ' and \""));
    assertEquals("'a\\\\b\\n\\x00'", LiteralFormatter.python("a\\b\n\0"));
  }

  @Test
  void pythonFloatsMatchRepr() {
    assertEquals("5.0", LiteralFormatter.python(5.0));
    assertEquals("0.1", LiteralFormatter.python(0.1));
    assertEquals("-2.5", LiteralFormatter.python(-2.5));
    assertEquals("0.0001", LiteralFormatter.python(1e-4));
    assertEquals("1e-05", LiteralFormatter.python(1e-5));
    assertEquals("1.5e-07", LiteralFormatter.python(1.5e-7));
    assertEquals("1000000000000000.0", LiteralFormatter.python(1e15));
    assertEquals("1e+16", LiteralFormatter.python(1e16));
    assertEquals("-1.25e+100", LiteralFormatter.python(-1.25e100));
    assertEquals("inf", LiteralFormatter.python(Double.POSITIVE_INFINITY));
    assertEquals("nan", LiteralFormatter.python(Double.NaN));
    assertEquals("-0.0", LiteralFormatter.python(-0.0));
  }

  @Test
  void pythonDict() {
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("descr", "<f4");
    dict.put("fortran_order", false);
    dict.put("shape", tuple(5L, 3L));

    assertEquals(
        "{'descr': '<f4', 'fortran_order': False, 'shape': (5, 3)}", LiteralFormatter.python(dict));
  }

  @Test
  void pythonRoundTripsParsedHeader() throws LiteralParser.SyntaxException {
    String header = "{'descr': [('a', '<f4'), ('b', '>i8')], 'fortran_order': True, 'shape': (7,)}";

    assertEquals(header, reparsedPython(header));
  }

  @Test
  void jsonValues() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("dtype", "F32");
    object.put("shape", List.of(5L, 3L));
    object.put("names", tuple("a\"b", null, true));

    assertEquals(
        "{\"dtype\": \"F32\", \"shape\": [5, 3], \"names\": [\"a\\\"b\", null, true]}",
        LiteralFormatter.json(object));
  }
}
