package io.fld.metrics.fld;

/**
 * Sums in single-precision arithmetic in the order of numpy's float32 sum, so that its rounding,
 * not only its precision, is reproduced.
 *
 * <p>Runs of up to {@link #BLOCK} values are summed in {@link #LANES} interleaved partial sums,
 * which are then added pairwise. Longer runs are split in two halves, the first a multiple of
 * {@link #LANES} long, and summed recursively. The rounding error grows like the logarithm of the
 * length rather than the length, and its sign and size differ from those of a plain left-to-right
 * float sum.
 *
 * <p>NOTE: PyTorch's CPU and GPU reductions may add in another order. This order reproduced the
 * reference's FLD values on memorized sets to a few percent, which is all that is claimed.
 */
final class FloatSums {
  /** Interleaved partial sums within a block. */
  static final int LANES = 8;

  /** Maximum run length summed without splitting. */
  static final int BLOCK = 128;

  private FloatSums() {}

  /** Returns the float32 sum of the squares of {@code values[offset..offset+length-1]}. */
  static float pairwiseSquares(float[] values, int offset, int length) {
    if (length < LANES) {
      float sum = 0f;
      for (int i = 0; i < length; i++) {
        sum += square(values[offset + i]);
      }
      return sum;
    }
    if (length <= BLOCK) {
      return blockSquares(values, offset, length);
    }
    int half = length / 2;
    half -= half % LANES;
    return pairwiseSquares(values, offset, half)
        + pairwiseSquares(values, offset + half, length - half);
  }

  private static float blockSquares(float[] values, int offset, int length) {
    float[] lanes = new float[LANES];
    for (int k = 0; k < LANES; k++) {
      lanes[k] = square(values[offset + k]);
    }
    int full = length - length % LANES;
    for (int i = LANES; i < full; i += LANES) {
      for (int k = 0; k < LANES; k++) {
        lanes[k] += square(values[offset + i + k]);
      }
    }
    float sum =
        ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]))
            + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    for (int i = full; i < length; i++) {
      sum += square(values[offset + i]);
    }
    return sum;
  }

  private static float square(float value) {
    return value * value;
  }
}
