package io.fld.image.preprocess;

import io.fld.api.sample.RgbImage;

/**
 * Pillow's bicubic resampling of 8-bit RGB images, reproduced sample for sample.
 *
 * <p>The resize is separable: a horizontal pass, then a vertical pass, each skipped when that
 * dimension does not change. Each output sample is a weighted sum over a window of input samples
 * with the cubic convolution kernel (a = -0.5). When downscaling, the kernel is stretched by the
 * scale factor, so it also low-pass filters (antialiasing). Weights are normalized to sum to one,
 * converted to fixed point with {@link #PRECISION_BITS} fractional bits, and every pass rounds and
 * clips its result to 8 bits, exactly as Pillow does; a floating-point implementation would differ
 * by one unit in some samples.
 */
public final class PilBicubic {

  /** Fractional bits of the fixed-point weights: 32 bits less 8 for the sample, less 2 spare. */
  public static final int PRECISION_BITS = 32 - 8 - 2;

  private static final double KERNEL_A = -0.5;
  private static final double KERNEL_SUPPORT = 2.0;
  private static final int CHANNELS = 3;
  private static final int MAX_8BIT = 255;
  private static final double HALF = 0.5;

  private PilBicubic() {}

  /** Resizes {@code image} to {@code width} x {@code height}. */
  public static RgbImage resize(RgbImage image, int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(
          "target size must be positive, got " + width + " x " + height);
    }
    RgbImage current = image;
    if (width != image.width()) {
      current = horizontal(current, width);
    }
    if (height != image.height()) {
      current = vertical(current, height);
    }
    return current == image ? new RgbImage(width, height, image.pixels().clone()) : current;
  }

  private static RgbImage horizontal(RgbImage in, int outWidth) {
    Coefficients c = Coefficients.of(in.width(), outWidth);
    byte[] src = in.pixels();
    byte[] out = new byte[outWidth * in.height() * CHANNELS];
    for (int y = 0; y < in.height(); y++) {
      int rowIn = y * in.width() * CHANNELS;
      int rowOut = y * outWidth * CHANNELS;
      for (int x = 0; x < outWidth; x++) {
        int start = c.starts[x];
        int count = c.counts[x];
        int weights = x * c.windowSize;
        int r = 1 << (PRECISION_BITS - 1);
        int g = r;
        int b = r;
        for (int k = 0; k < count; k++) {
          int weight = c.weights[weights + k];
          int at = rowIn + (start + k) * CHANNELS;
          r += (src[at] & MAX_8BIT) * weight;
          g += (src[at + 1] & MAX_8BIT) * weight;
          b += (src[at + 2] & MAX_8BIT) * weight;
        }
        int at = rowOut + x * CHANNELS;
        out[at] = clip8(r);
        out[at + 1] = clip8(g);
        out[at + 2] = clip8(b);
      }
    }
    return new RgbImage(outWidth, in.height(), out);
  }

  private static RgbImage vertical(RgbImage in, int outHeight) {
    Coefficients c = Coefficients.of(in.height(), outHeight);
    byte[] src = in.pixels();
    int rowLength = in.width() * CHANNELS;
    byte[] out = new byte[rowLength * outHeight];
    int[] sums = new int[rowLength];
    for (int y = 0; y < outHeight; y++) {
      java.util.Arrays.fill(sums, 1 << (PRECISION_BITS - 1));
      int start = c.starts[y];
      int weights = y * c.windowSize;
      for (int k = 0; k < c.counts[y]; k++) {
        int weight = c.weights[weights + k];
        int rowIn = (start + k) * rowLength;
        for (int i = 0; i < rowLength; i++) {
          sums[i] += (src[rowIn + i] & MAX_8BIT) * weight;
        }
      }
      int rowOut = y * rowLength;
      for (int i = 0; i < rowLength; i++) {
        out[rowOut + i] = clip8(sums[i]);
      }
    }
    return new RgbImage(in.width(), outHeight, out);
  }

  private static byte clip8(int sum) {
    int value = sum >> PRECISION_BITS;
    return (byte) Math.max(0, Math.min(MAX_8BIT, value));
  }

  static double kernel(double x) {
    double t = Math.abs(x);
    if (t < 1.0) {
      return ((KERNEL_A + 2.0) * t - (KERNEL_A + 3.0)) * t * t + 1;
    }
    if (t < 2.0) {
      return (((t - 5) * t + 8) * t - 4) * KERNEL_A;
    }
    return 0.0;
  }

  /** The window start, length and fixed-point weights of every output sample along one axis. */
  private static final class Coefficients {
    final int[] starts;
    final int[] counts;
    final int[] weights;
    final int windowSize;

    private Coefficients(int[] starts, int[] counts, int[] weights, int windowSize) {
      this.starts = starts;
      this.counts = counts;
      this.weights = weights;
      this.windowSize = windowSize;
    }

    static Coefficients of(int inSize, int outSize) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(scale, 1.0);
      double support = KERNEL_SUPPORT * filterScale;
      int windowSize = (int) Math.ceil(support) * 2 + 1;
      int[] starts = new int[outSize];
      int[] counts = new int[outSize];
      int[] weights = new int[outSize * windowSize];
      double[] window = new double[windowSize];
      double inverseScale = 1.0 / filterScale;
      for (int xx = 0; xx < outSize; xx++) {
        double center = (xx + HALF) * scale;
        int min = Math.max(0, (int) (center - support + HALF));
        int max = Math.min(inSize, (int) (center + support + HALF));
        int count = max - min;
        double total = 0;
        for (int x = 0; x < count; x++) {
          window[x] = kernel((x + min - center + HALF) * inverseScale);
          total += window[x];
        }
        for (int x = 0; x < count; x++) {
          double normalized = total == 0.0 ? window[x] : window[x] / total;
          weights[xx * windowSize + x] = toFixedPoint(normalized);
        }
        starts[xx] = min;
        counts[xx] = count;
      }
      return new Coefficients(starts, counts, weights, windowSize);
    }

    private static int toFixedPoint(double weight) {
      double scaled = weight * (1 << PRECISION_BITS);
      return (int) (weight < 0 ? scaled - HALF : scaled + HALF);
    }
  }
}
