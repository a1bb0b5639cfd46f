package io.fld.image.preprocess;

/** The rule by which torchvision's {@code Resize} chooses the output size. */
public enum ResizeMode {
  /** {@code Resize((size, size))}: both sides become {@code size}, the aspect ratio is not kept. */
  SQUARE,
  /**
   * {@code Resize(size)}: the shorter side becomes {@code size} and the longer side {@code int(size
   * * long / short)}, truncated as torchvision does.
   */
  SHORTER_SIDE
}
