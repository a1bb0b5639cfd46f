package io.fld.api.sample;

import java.util.Objects;

/**
 * A decoded 8-bit RGB image.
 *
 * @param width the width in pixels
 * @param height the height in pixels
 * @param pixels {@code height * width * 3} bytes, row-major, interleaved R, G, B, each read as an
 *     unsigned value
 */
public record RgbImage(int width, int height, byte[] pixels) {
  public RgbImage {
    Objects.requireNonNull(pixels, "pixels");
    if (width < 1 || height < 1 || (long) width * height * 3 != pixels.length) {
      throw new IllegalArgumentException(
          "an RGB image of "
              + width
              + " x "
              + height
              + " needs "
              + 3L * width * height
              + " bytes, got "
              + pixels.length);
    }
  }

  /** Returns channel {@code channel} (0 red, 1 green, 2 blue) of pixel {@code x}, {@code y}. */
  public int sample(int x, int y, int channel) {
    return pixels[(y * width + x) * 3 + channel] & 0xff;
  }
}
