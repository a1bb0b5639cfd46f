package io.fld.image.decode;

/** Reads the component count of a JPEG from its frame header, without decoding the image. */
final class JpegMarkers {

  private static final int MARKER_PREFIX = 0xff;
  private static final int START_OF_IMAGE_LENGTH = 2;
  private static final int SOF_FIRST = 0xc0;
  private static final int SOF_LAST = 0xcf;
  private static final int DHT = 0xc4;
  private static final int JPG = 0xc8;
  private static final int DAC = 0xcc;
  private static final int START_OF_SCAN = 0xda;
  private static final int COMPONENTS_OFFSET = 9;
  private static final int FOUR_COMPONENTS = 4;

  private JpegMarkers() {}

  /** Returns whether the JPEG in {@code content} has four components (CMYK or YCCK). */
  static boolean isFourComponent(byte[] content) {
    int at = START_OF_IMAGE_LENGTH;
    while (at + 3 < content.length) {
      if (u(content[at]) != MARKER_PREFIX) {
        return false;
      }
      int marker = u(content[at + 1]);
      if (marker == MARKER_PREFIX) {
        at++;
        continue;
      }
      if (isStartOfFrame(marker)) {
        return at + COMPONENTS_OFFSET < content.length
            && u(content[at + COMPONENTS_OFFSET]) == FOUR_COMPONENTS;
      }
      if (marker == START_OF_SCAN) {
        return false;
      }
      at += 2 + ((u(content[at + 2]) << 8) | u(content[at + 3]));
    }
    return false;
  }

  private static boolean isStartOfFrame(int marker) {
    return marker >= SOF_FIRST
        && marker <= SOF_LAST
        && marker != DHT
        && marker != JPG
        && marker != DAC;
  }

  private static int u(byte value) {
    return value & 0xff;
  }
}
