package io.fld.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfFloatsTest {

  @Test
  void convertsNormalValues() {
    assertEquals(1.0f, HalfFloats.halfToFloat((short) 0x3c00));
    assertEquals(-2.0f, HalfFloats.halfToFloat((short) 0xc000));
    assertEquals(65504f, HalfFloats.halfToFloat((short) 0x7bff), "largest finite half");
    assertEquals(0x1p-14f, HalfFloats.halfToFloat((short) 0x0400), "smallest normal half");
  }

  @Test
  void convertsSubnormalsAndSignedZero() {
    assertEquals(0x1p-24f, HalfFloats.halfToFloat((short) 0x0001));
    assertEquals(0x3ffp-24f, HalfFloats.halfToFloat((short) 0x03ff));
    assertEquals(-0.0f, HalfFloats.halfToFloat((short) 0x8000));
  }

  @Test
  void convertsInfinityAndNan() {
    assertEquals(Float.POSITIVE_INFINITY, HalfFloats.halfToFloat((short) 0x7c00));
    assertEquals(Float.NEGATIVE_INFINITY, HalfFloats.halfToFloat((short) 0xfc00));
    assertTrue(Float.isNaN(HalfFloats.halfToFloat((short) 0x7e00)));
  }

  @Test
  void convertsBfloat16ByWidening() {
    assertEquals(1.0f, HalfFloats.bfloat16ToFloat((short) 0x3f80));
    assertEquals(-0.25f, HalfFloats.bfloat16ToFloat((short) 0xbe80));
  }
}
