package io.fld.image.preprocess;

import io.fld.api.sample.RgbImage;
import java.util.Arrays;

/**
 * torchvision's {@code Resize(BICUBIC)}, {@code CenterCrop}, {@code ToTensor} and {@code Normalize}
 * on a PIL image, as the DINOv2 and CLIP reference pipelines apply them.
 *
 * <p>The resize is {@link PilBicubic}; the crop offset is {@code round((side - crop) / 2)} with
 * round-half-to-even, as Python's {@code round}; the tensor is {@code sample / 255} in single
 * precision, then {@code (x - mean) / std} per channel.
 */
public final class PilResizeCropNormalize implements ImageTransform {

  private static final int CHANNELS = 3;
  private static final float MAX_8BIT = 255f;
  private static final int BYTE_MASK = 0xff;
  private static final int LEVELS = 256;

  private final String name;
  private final ResizeMode mode;
  private final int size;
  private final int crop;
  private final float[] mean;
  private final float[] std;
  private final float[][] lookup;

  /**
   * Creates the transform.
   *
   * @param name a short name for the spec, such as {@code dinov2}; part of {@link #version()}
   * @param mode how the resize target is chosen
   * @param size the resize size
   * @param crop the side of the square center crop
   * @param mean the per-channel mean, red first
   * @param std the per-channel standard deviation, red first
   */
  public PilResizeCropNormalize(
      String name, ResizeMode mode, int size, int crop, float[] mean, float[] std) {
    if (size < 1 || crop < 1 || crop > size) {
      throw new IllegalArgumentException("need 0 < crop <= size, got " + crop + " and " + size);
    }
    if (mean.length != CHANNELS || std.length != CHANNELS) {
      throw new IllegalArgumentException("mean and std need 3 values each");
    }
    this.name = name;
    this.mode = mode;
    this.size = size;
    this.crop = crop;
    this.mean = mean.clone();
    this.std = std.clone();
    this.lookup = lookupTables(this.mean, this.std);
  }

  /**
   * Tabulates {@code (v / 255 - mean) / std} for every 8-bit value and channel, with the same
   * single-precision operations as the direct formula, so the results are identical.
   */
  private static float[][] lookupTables(float[] mean, float[] std) {
    float[][] tables = new float[CHANNELS][LEVELS];
    for (int c = 0; c < CHANNELS; c++) {
      for (int v = 0; v < LEVELS; v++) {
        float unit = v / MAX_8BIT;
        tables[c][v] = (unit - mean[c]) / std[c];
      }
    }
    return tables;
  }

  @Override
  public String version() {
    return name
        + "/pil-bicubic-"
        + mode.name().toLowerCase(java.util.Locale.ROOT)
        + "-"
        + size
        + "/crop-"
        + crop
        + "/mean-"
        + Arrays.toString(mean).replace(" ", "")
        + "/std-"
        + Arrays.toString(std).replace(" ", "")
        + "/v1";
  }

  @Override
  public int[] outputShape(RgbImage image) {
    return new int[] {CHANNELS, crop, crop};
  }

  @Override
  public float[] apply(RgbImage image) {
    int[] target = resizedSize(image.width(), image.height());
    RgbImage resized = resizeIfNeeded(image, target[0], target[1]);
    int top = cropOffset(resized.height());
    int left = cropOffset(resized.width());
    return normalize(resized, top, left);
  }

  /** Returns {@code {width, height}} after the resize, following torchvision's rules. */
  int[] resizedSize(int width, int height) {
    if (mode == ResizeMode.SQUARE) {
      return new int[] {size, size};
    }
    int shorter = Math.min(width, height);
    int longer = Math.max(width, height);
    int newLonger = (int) ((double) size * longer / shorter);
    return width <= height ? new int[] {size, newLonger} : new int[] {newLonger, size};
  }

  private static RgbImage resizeIfNeeded(RgbImage image, int width, int height) {
    if (width == image.width() && height == image.height()) {
      return image;
    }
    return PilBicubic.resize(image, width, height);
  }

  private int cropOffset(int side) {
    if (side < crop) {
      throw new IllegalStateException("cannot crop " + crop + " from a side of " + side);
    }
    return (int) Math.rint((side - crop) / 2.0);
  }

  private float[] normalize(RgbImage image, int top, int left) {
    float[] out = new float[CHANNELS * crop * crop];
    byte[] pixels = image.pixels();
    int plane = crop * crop;
    for (int y = 0; y < crop; y++) {
      int rowIn = ((top + y) * image.width() + left) * CHANNELS;
      for (int x = 0; x < crop; x++) {
        int in = rowIn + x * CHANNELS;
        int at = y * crop + x;
        for (int c = 0; c < CHANNELS; c++) {
          out[c * plane + at] = lookup[c][pixels[in + c] & BYTE_MASK];
        }
      }
    }
    return out;
  }
}
