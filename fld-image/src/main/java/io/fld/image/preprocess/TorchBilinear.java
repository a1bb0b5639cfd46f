package io.fld.image.preprocess;

import io.fld.api.sample.RgbImage;

/**
 * The input stage of the FID Inception network done outside it: {@code ToTensor}, torch's {@code
 * interpolate(mode="bilinear", align_corners=False)} without antialiasing to a square size, then
 * {@code 2x - 1}. Used for Inception models that lack their own resize.
 *
 * <p>Source coordinates are {@code (dst + 0.5) * in / out - 0.5}, clamped at 0; the two neighbours
 * are blended linearly, and the last row and column repeat at the border. Arithmetic is in single
 * precision, as torch does for float tensors.
 */
public final class TorchBilinear implements ImageTransform {

  private static final int CHANNELS = 3;
  private static final float HALF = 0.5f;

  private final int size;

  /** Creates the transform to {@code size x size}. */
  public TorchBilinear(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be positive, got " + size);
    }
    this.size = size;
  }

  @Override
  public String version() {
    return "to-tensor/torch-bilinear-" + size + "/scale-minus1-1/v1";
  }

  @Override
  public int[] outputShape(RgbImage image) {
    return new int[] {CHANNELS, size, size};
  }

  @Override
  public float[] apply(RgbImage image) {
    float[] unit = UnitScale.toTensor(image);
    float[] out = resize(unit, image.height(), image.width(), size, size);
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] * 2f - 1f;
    }
    return out;
  }

  /**
   * Resizes a {@code 3 x inHeight x inWidth} tensor bilinearly to {@code 3 x outHeight x outWidth}.
   */
  public static float[] resize(float[] in, int inHeight, int inWidth, int outHeight, int outWidth) {
    Axis rows = Axis.of(inHeight, outHeight);
    Axis columns = Axis.of(inWidth, outWidth);
    float[] out = new float[CHANNELS * outHeight * outWidth];
    for (int c = 0; c < CHANNELS; c++) {
      int planeIn = c * inHeight * inWidth;
      int planeOut = c * outHeight * outWidth;
      for (int y = 0; y < outHeight; y++) {
        int row0 = planeIn + rows.low[y] * inWidth;
        int row1 = planeIn + rows.high[y] * inWidth;
        for (int x = 0; x < outWidth; x++) {
          int x0 = columns.low[x];
          int x1 = columns.high[x];
          float top = columns.lowWeight[x] * in[row0 + x0] + columns.highWeight[x] * in[row0 + x1];
          float bottom =
              columns.lowWeight[x] * in[row1 + x0] + columns.highWeight[x] * in[row1 + x1];
          out[planeOut + y * outWidth + x] = rows.lowWeight[y] * top + rows.highWeight[y] * bottom;
        }
      }
    }
    return out;
  }

  /** Neighbour indices and weights along one axis. */
  private record Axis(int[] low, int[] high, float[] lowWeight, float[] highWeight) {
    static Axis of(int in, int out) {
      float scale = (float) in / out;
      int[] low = new int[out];
      int[] high = new int[out];
      float[] lowWeight = new float[out];
      float[] highWeight = new float[out];
      for (int i = 0; i < out; i++) {
        float source = Math.max(scale * (i + HALF) - HALF, 0f);
        int index = (int) source;
        low[i] = index;
        high[i] = index < in - 1 ? index + 1 : index;
        highWeight[i] = source - index;
        lowWeight[i] = 1f - highWeight[i];
      }
      return new Axis(low, high, lowWeight, highWeight);
    }
  }
}
