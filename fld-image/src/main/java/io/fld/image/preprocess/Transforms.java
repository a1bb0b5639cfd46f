package io.fld.image.preprocess;

/** The preprocessing of the reference extractors, as listed in the design's extractor table. */
public final class Transforms {

  /** The input side of DINOv2 and CLIP ViT models. */
  public static final int VIT_INPUT_SIZE = 224;

  /** The input side of the FID Inception-v3 network. */
  public static final int INCEPTION_INPUT_SIZE = 299;

  private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};
  private static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
  private static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

  private Transforms() {}

  /** DINOv2: bicubic resize to 224 x 224, crop 224, ImageNet normalization. */
  public static ImageTransform dinov2() {
    return new PilResizeCropNormalize(
        "dinov2", ResizeMode.SQUARE, VIT_INPUT_SIZE, VIT_INPUT_SIZE, IMAGENET_MEAN, IMAGENET_STD);
  }

  /** CLIP: bicubic resize of the shorter side to 224, crop 224, CLIP normalization. */
  public static ImageTransform clip() {
    return new PilResizeCropNormalize(
        "clip", ResizeMode.SHORTER_SIDE, VIT_INPUT_SIZE, VIT_INPUT_SIZE, CLIP_MEAN, CLIP_STD);
  }

  /** Inception for a network with its own resize: the image at its size, scaled to [0, 1]. */
  public static ImageTransform inceptionUnitScale() {
    return new UnitScale();
  }

  /** Inception for a network without its own resize: bilinear to 299 x 299, then {@code 2x - 1}. */
  public static ImageTransform inceptionResized() {
    return new TorchBilinear(INCEPTION_INPUT_SIZE);
  }
}
