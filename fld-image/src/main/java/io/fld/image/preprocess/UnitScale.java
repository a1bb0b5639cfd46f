package io.fld.image.preprocess;

import io.fld.api.sample.RgbImage;

/**
 * torchvision's {@code ToTensor}: samples divided by 255, channels first, at the image's own size.
 * Used when the network resizes its input itself.
 */
public final class UnitScale implements ImageTransform {

  private static final int CHANNELS = 3;
  private static final float MAX_8BIT = 255f;
  private static final int BYTE_MASK = 0xff;

  @Override
  public String version() {
    return "to-tensor-unit/v1";
  }

  @Override
  public int[] outputShape(RgbImage image) {
    return new int[] {CHANNELS, image.height(), image.width()};
  }

  @Override
  public float[] apply(RgbImage image) {
    return toTensor(image);
  }

  /** Returns {@code image} as a {@code 3 x H x W} tensor with values in [0, 1]. */
  public static float[] toTensor(RgbImage image) {
    int plane = image.width() * image.height();
    float[] out = new float[CHANNELS * plane];
    byte[] pixels = image.pixels();
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < CHANNELS; c++) {
        out[c * plane + i] = (pixels[i * CHANNELS + c] & BYTE_MASK) / MAX_8BIT;
      }
    }
    return out;
  }
}
