package io.fld.image.decode;

import java.util.Optional;

/** The image container formats the decoder reads, recognized by their leading bytes. */
public enum ImageFormat {
  PNG("png"),
  JPEG("jpeg"),
  GIF("gif"),
  BMP("bmp"),
  WEBP("webp");

  /** The number of leading bytes that {@link #sniff} needs to tell every format apart. */
  public static final int SNIFF_LENGTH = 12;

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private final String imageIoName;

  ImageFormat(String imageIoName) {
    this.imageIoName = imageIoName;
  }

  /** Returns the format name under which ImageIO registers its readers. */
  public String imageIoName() {
    return imageIoName;
  }

  /**
   * Recognizes a format from the first bytes of a file, regardless of its extension.
   *
   * @param head the first bytes, ideally {@link #SNIFF_LENGTH} of them
   * @param length how many bytes of {@code head} are valid
   */
  public static Optional<ImageFormat> sniff(byte[] head, int length) {
    if (startsWith(head, length, PNG_SIGNATURE)) {
      return Optional.of(PNG);
    }
    if (length >= 3 && u(head[0]) == 0xff && u(head[1]) == 0xd8 && u(head[2]) == 0xff) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, length, "GIF87a".getBytes())
        || startsWith(head, length, "GIF89a".getBytes())) {
      return Optional.of(GIF);
    }
    if (startsWith(head, length, "BM".getBytes()) && length >= 6) {
      return Optional.of(BMP);
    }
    if (length >= SNIFF_LENGTH
        && startsWith(head, length, "RIFF".getBytes())
        && head[8] == 'W'
        && head[9] == 'E'
        && head[10] == 'B'
        && head[11] == 'P') {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  /**
   * Names a common image format that the decoder does not read, recognized from the same leading
   * bytes as {@link #sniff}, so that a message can name what a misnamed file really is.
   *
   * @return the format's usual name, such as {@code TIFF}, or empty when the bytes match none
   */
  public static Optional<String> sniffUnsupported(byte[] head, int length) {
    if (startsWith(head, length, new byte[] {'I', 'I', '*', 0})
        || startsWith(head, length, new byte[] {'M', 'M', 0, '*'})) {
      return Optional.of("TIFF");
    }
    if (startsWith(head, length, "8BPS".getBytes())) {
      return Optional.of("Photoshop (PSD)");
    }
    if (startsWith(head, length, new byte[] {0, 0, 1, 0})) {
      return Optional.of("Windows icon (ICO)");
    }
    if (startsWith(head, length, new byte[] {(byte) 0xff, 0x0a})
        || startsWith(head, length, new byte[] {0, 0, 0, 0x0c, 'J', 'X', 'L', ' '})) {
      return Optional.of("JPEG XL");
    }
    if (startsWith(head, length, new byte[] {0, 0, 0, 0x0c, 'j', 'P', ' ', ' '})) {
      return Optional.of("JPEG 2000");
    }
    if (startsWith(head, length, "%PDF".getBytes())) {
      return Optional.of("PDF document");
    }
    return isoMediaBrand(head, length).flatMap(ImageFormat::isoMediaImageName);
  }

  /** Returns the major brand of an ISO base media file (HEIF, AVIF): the bytes after "ftyp". */
  private static Optional<String> isoMediaBrand(byte[] head, int length) {
    if (length < SNIFF_LENGTH
        || head[4] != 'f'
        || head[5] != 't'
        || head[6] != 'y'
        || head[7] != 'p') {
      return Optional.empty();
    }
    return Optional.of(new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static Optional<String> isoMediaImageName(String brand) {
    return switch (brand) {
      case "avif", "avis" -> Optional.of("AVIF");
      case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1" -> Optional.of("HEIC");
      default -> Optional.empty();
    };
  }

  private static boolean startsWith(byte[] head, int length, byte[] prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (head[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u(byte value) {
    return value & 0xff;
  }
}
