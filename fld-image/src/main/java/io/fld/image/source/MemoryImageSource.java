package io.fld.image.source;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.RgbImage;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import io.fld.image.decode.ImageDecoder;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Images held in memory: float arrays as a generative model returns them, or {@link
 * BufferedImage}s. The fingerprint hashes the decoded pixels.
 */
public final class MemoryImageSource implements SampleSource<RgbImage> {

  private static final int RGB_CHANNELS = 3;
  private static final int GRAY_CHANNELS = 1;
  private static final float MAX_8BIT = 255f;

  private final String description;
  private final List<RgbImage> images;

  private MemoryImageSource(String description, List<RgbImage> images) {
    if (images.isEmpty()) {
      throw new InvalidInputException(description + ": no images given; pass at least one");
    }
    this.description = description;
    this.images = List.copyOf(images);
  }

  /**
   * Wraps decoded images.
   *
   * @param description how the images are named in messages and provenance
   */
  public static MemoryImageSource ofImages(String description, List<RgbImage> images) {
    return new MemoryImageSource(description, images);
  }

  /** Converts {@link BufferedImage}s by the decoder's rules (raw samples, alpha dropped). */
  public static MemoryImageSource ofBufferedImages(String description, List<BufferedImage> images) {
    return new MemoryImageSource(description, images.stream().map(ImageDecoder::toRgb).toList());
  }

  /**
   * Quantizes an {@code N x C x H x W} float array with values in [0, 1] (C = 1 or 3), row-major,
   * to 8-bit images the way torchvision's {@code ToPILImage} does: {@code (int) (x * 255)} in
   * single precision, truncated, not rounded. One-channel images are expanded to RGB.
   *
   * @throws InvalidInputException if the shape does not match the array or a value lies outside [0,
   *     1] or is not finite; the message gives its sample, channel, row and column
   */
  public static MemoryImageSource ofArray(
      String description, float[] values, int count, int channels, int height, int width) {
    checkShape(description, values, count, channels, height, width);
    List<RgbImage> images = new ArrayList<>(count);
    int plane = height * width;
    for (int n = 0; n < count; n++) {
      byte[] pixels = new byte[plane * RGB_CHANNELS];
      for (int i = 0; i < plane; i++) {
        for (int c = 0; c < RGB_CHANNELS; c++) {
          int channel = channels == GRAY_CHANNELS ? 0 : c;
          int at = (n * channels + channel) * plane + i;
          pixels[i * RGB_CHANNELS + c] = quantize(description, values[at], n, channel, i, width);
        }
      }
      images.add(new RgbImage(width, height, pixels));
    }
    return new MemoryImageSource(description, images);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int size() {
    return images.size();
  }

  @Override
  public Class<RgbImage> sampleType() {
    return RgbImage.class;
  }

  @Override
  public String fingerprint() {
    MessageDigest digest = Digests.sha256();
    for (RgbImage image : images) {
      Digests.update(digest, image.width() + "x" + image.height());
      digest.update(image.pixels());
    }
    return Digests.hex(digest.digest());
  }

  @Override
  public SampleCursor<RgbImage> open() {
    List<String> names =
        IntStream.range(0, images.size()).mapToObj(i -> description + "[" + i + "]").toList();
    return new DecodingCursor(names, images::get, null);
  }

  private static byte quantize(
      String description, float value, int n, int channel, int i, int width) {
    if (!(value >= 0f && value <= 1f)) {
      throw new InvalidInputException(
          description
              + ": value "
              + value
              + " of sample "
              + n
              + ", channel "
              + channel
              + ", row "
              + i / width
              + ", column "
              + i % width
              + " is outside [0, 1]; scale images to [0, 1] before passing them");
    }
    return (byte) (int) (value * MAX_8BIT);
  }

  private static void checkShape(
      String description, float[] values, int count, int channels, int height, int width) {
    if (channels != RGB_CHANNELS && channels != GRAY_CHANNELS) {
      throw new InvalidInputException(
          description + ": images need 1 or 3 channels (N x C x H x W), got C = " + channels);
    }
    if (count < 1 || height < 1 || width < 1) {
      throw new InvalidInputException(
          description
              + ": shape "
              + count
              + " x "
              + channels
              + " x "
              + height
              + " x "
              + width
              + " is empty");
    }
    long expected = (long) count * channels * height * width;
    if (expected != values.length) {
      throw new InvalidInputException(
          description
              + ": shape "
              + count
              + " x "
              + channels
              + " x "
              + height
              + " x "
              + width
              + " needs "
              + expected
              + " values, got "
              + values.length);
    }
  }
}
