package io.fld.image.preprocess;

import io.fld.api.sample.RgbImage;

/**
 * Turns a decoded image into the float tensor a network reads, channels first ({@code C x H x W}).
 * Implementations are immutable and thread-safe.
 */
public interface ImageTransform {

  /**
   * Returns the spec and version of this transform, such as {@code
   * pil-bicubic-224x224/crop-224/v1}; it is part of the feature cache key and changes whenever the
   * output may change.
   */
  String version();

  /**
   * Returns the output shape {@code {channels, height, width}} for {@code image}; constant unless
   * the network resizes its input itself.
   */
  int[] outputShape(RgbImage image);

  /** Returns the tensor for {@code image}, channels first, row-major. */
  float[] apply(RgbImage image);
}
