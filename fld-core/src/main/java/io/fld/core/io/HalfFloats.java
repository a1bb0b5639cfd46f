package io.fld.core.io;

/** Conversions of 16-bit floating-point formats to float; Java 17 has no built-in for them. */
final class HalfFloats {
  private static final int HALF_SIGN_MASK = 0x8000;
  private static final int HALF_EXPONENT_MASK = 0x7c00;
  private static final int HALF_MANTISSA_MASK = 0x03ff;
  private static final int HALF_EXPONENT_SHIFT = 10;
  private static final int HALF_EXPONENT_MAX = 0x1f;
  private static final int EXPONENT_BIAS_DIFFERENCE = 127 - 15;
  private static final int FLOAT_EXPONENT_SHIFT = 23;
  private static final int MANTISSA_WIDENING_SHIFT = 23 - 10;
  private static final int FLOAT_EXPONENT_ALL_ONES = 0xff;

  /** The smallest positive subnormal IEEE binary16 value, 2^-24. */
  private static final float HALF_SUBNORMAL_UNIT = 0x1p-24f;

  private HalfFloats() {}

  /** Converts the bits of an IEEE 754 binary16 value to float, exactly. */
  static float halfToFloat(short bits) {
    int sign = (bits & HALF_SIGN_MASK) << 16;
    int exponent = (bits & HALF_EXPONENT_MASK) >>> HALF_EXPONENT_SHIFT;
    int mantissa = bits & HALF_MANTISSA_MASK;

    if (exponent == 0) {
      float magnitude = mantissa * HALF_SUBNORMAL_UNIT;
      return sign == 0 ? magnitude : -magnitude;
    }
    if (exponent == HALF_EXPONENT_MAX) {
      int infinityOrNan =
          sign
              | (FLOAT_EXPONENT_ALL_ONES << FLOAT_EXPONENT_SHIFT)
              | (mantissa << MANTISSA_WIDENING_SHIFT);
      return Float.intBitsToFloat(infinityOrNan);
    }
    int floatExponent = exponent + EXPONENT_BIAS_DIFFERENCE;
    return Float.intBitsToFloat(
        sign | (floatExponent << FLOAT_EXPONENT_SHIFT) | (mantissa << MANTISSA_WIDENING_SHIFT));
  }

  /** Converts the bits of a bfloat16 value, the upper half of a float, to float. */
  static float bfloat16ToFloat(short bits) {
    return Float.intBitsToFloat((bits & 0xffff) << 16);
  }
}
