package io.fld.image.decode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads and edits the marker segments of a JPEG before its entropy-coded data. */
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

  private static final int APP2 = 0xe2;
  private static final byte[] ICC_SIGNATURE = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

  private JpegMarkers() {}

  /**
   * Returns {@code content} without its embedded ICC profile (APP2 {@code ICC_PROFILE} segments),
   * or {@code content} itself when it has none or its segments cannot be walked.
   *
   * <p>Both the JDK and the TwelveMonkeys readers convert an image with an embedded profile (such
   * as Display P3 or Adobe RGB) to sRGB, while Pillow leaves the decoded samples as they are. The
   * reference features come from Pillow, so the profile is removed before decoding.
   */
  static byte[] withoutIccProfiles(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
    out.write(content, 0, Math.min(START_OF_IMAGE_LENGTH, content.length));
    int at = START_OF_IMAGE_LENGTH;
    boolean removed = false;
    while (at + 3 < content.length) {
      if (u(content[at]) != MARKER_PREFIX) {
        return content;
      }
      int marker = u(content[at + 1]);
      if (marker == MARKER_PREFIX) {
        out.write(content[at]);
        at++;
        continue;
      }
      if (marker == START_OF_SCAN) {
        break;
      }
      int end = at + 2 + ((u(content[at + 2]) << 8) | u(content[at + 3]));
      if (end > content.length) {
        return content;
      }
      if (marker == APP2 && startsWith(content, at + 4, ICC_SIGNATURE)) {
        removed = true;
      } else {
        out.write(content, at, end - at);
      }
      at = end;
    }
    if (!removed) {
      return content;
    }
    out.write(content, at, content.length - at);
    return out.toByteArray();
  }

  private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
    if (offset + prefix.length > content.length) {
      return false;
    }
    return Arrays.equals(content, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

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
