package io.fld.image.decode;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.RgbImage;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes PNG, JPEG, GIF, BMP and WebP files to 8-bit RGB, recognizing the format by content rather
 * than by file extension.
 *
 * <p>The conversion follows the reference pipeline: samples are read from the raw raster (no color
 * management), 16-bit samples map to 8 bits by rounded division by 257, gray and palette images are
 * expanded to RGB, alpha is dropped without compositing, and CMYK is converted with the plain
 * {@code (255 - k) * (255 - c) / 255} rule that Pillow applies. Embedded ICC profiles are ignored,
 * as Pillow ignores them. GIF files yield their first frame.
 *
 * <p>Image dimensions are read from the header and checked against a pixel limit before any pixel
 * is decoded, so that a decompression bomb is rejected cheaply. An image too large for a Java array
 * is rejected the same way. Instances are immutable and safe to share between threads.
 *
 * <p>An {@link Error} raised while decoding, such as {@link OutOfMemoryError}, is rethrown as
 * itself, even where ImageIO wraps it in an {@link IOException}, so that it is not mistaken for a
 * corrupt file.
 */
public final class ImageDecoder {

  /** The default pixel limit: twice Pillow's warning threshold, where Pillow refuses an image. */
  public static final long DEFAULT_PIXEL_LIMIT = 178_956_970L;

  private static final int EIGHT_BIT_MAX = 255;
  private static final int SIXTEEN_BIT_DIVISOR = 257;
  private static final int SIXTEEN_BITS = 16;
  private static final int EIGHT_BITS = 8;
  private static final int GRAY_COMPONENTS = 1;
  private static final int CMYK_COMPONENTS = 4;
  private static final int RGB_BYTES = 3;
  private static final int MAX_ELEMENTS_PER_PIXEL = 4;
  private static final int MAX_CAUSE_DEPTH = 32;

  /**
   * The largest array length that Java runtimes allocate; HotSpot reserves a few header words below
   * {@code Integer.MAX_VALUE}.
   */
  private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8L;

  private static final String TWELVEMONKEYS_PACKAGE = "com.twelvemonkeys.";
  private static final String[] TRUNCATION_WARNINGS = {"premature end", "truncated"};

  private final long pixelLimit;

  /** Creates a decoder with the {@link #DEFAULT_PIXEL_LIMIT}. */
  public ImageDecoder() {
    this(DEFAULT_PIXEL_LIMIT);
  }

  /** Creates a decoder that refuses images with more than {@code pixelLimit} pixels. */
  public ImageDecoder(long pixelLimit) {
    if (pixelLimit < 1) {
      throw new IllegalArgumentException("the pixel limit must be positive, got " + pixelLimit);
    }
    this.pixelLimit = pixelLimit;
  }

  /** Returns the largest number of pixels this decoder accepts. */
  public long pixelLimit() {
    return pixelLimit;
  }

  /**
   * Decodes the image file {@code file}.
   *
   * @throws InvalidInputException if the file is empty, not an image, truncated, corrupt or larger
   *     than the pixel limit; the message names the file
   * @throws IOException if the file cannot be read
   */
  public RgbImage decode(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(
          file
              + ": is a folder, not an image file; pass an image file, or read the folder as a"
              + " sample source");
    }
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw notRegularFile(file.toString());
    }
    return decode(Files.readAllBytes(file), file.toString());
  }

  /**
   * Decodes an image held in memory; {@code name} identifies it in messages.
   *
   * @throws InvalidInputException if the bytes are empty, not an image, truncated, corrupt or
   *     larger than the pixel limit
   */
  public RgbImage decode(byte[] content, String name) throws IOException {
    ImageFormat format = formatOf(content, name);
    boolean jpeg = format == ImageFormat.JPEG;
    byte[] pixelData = jpeg ? JpegMarkers.withoutIccProfiles(content) : content;
    ImageReader reader = readerFor(format, jpeg && JpegMarkers.isFourComponent(content), name);
    try (ImageInputStream input = streamOf(pixelData)) {
      reader.setInput(input, true, true);
      checkSize(reader, reader.getWidth(0), reader.getHeight(0), name);
      List<String> warnings = new ArrayList<>();
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      // NOTE: for a GIF whose first frame is smaller than its logical screen, ImageIO returns the
      // frame alone, while Pillow places it on a screen-sized canvas; such files decode smaller.
      BufferedImage image = reader.read(0);
      rejectTruncation(warnings, format, name);
      return toRgb(image);
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      rethrowError(e);
      throw corrupt(format, name, e);
    } finally {
      reader.dispose();
    }
  }

  /**
   * Reads only the header of an image: its format and dimensions. Used by the fast pre-scan that
   * finds bad files before extraction starts.
   *
   * @throws InvalidInputException if the file is empty, not an image, has an unreadable header or
   *     exceeds the pixel limit
   */
  public ImageHeader probe(Path file) throws IOException {
    String name = file.toString();
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw notRegularFile(name);
    }
    byte[] head = readHead(file);
    if (head.length == 0) {
      throw empty(name);
    }
    ImageFormat format = formatOf(head, name);
    try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
      return readHeader(format, input, name);
    } catch (IOException e) {
      throw corrupt(format, name, e);
    }
  }

  /**
   * Reads only the header of an image held in memory; {@code name} identifies it in messages.
   *
   * @throws InvalidInputException if the bytes are empty, not an image, have an unreadable header
   *     or exceed the pixel limit
   */
  public ImageHeader probe(byte[] content, String name) throws IOException {
    ImageFormat format = formatOf(content, name);
    try (ImageInputStream input = streamOf(content)) {
      return readHeader(format, input, name);
    } catch (IOException e) {
      throw corrupt(format, name, e);
    }
  }

  /** Reads the size of the first image in {@code input} and checks it against the pixel limit. */
  private ImageHeader readHeader(ImageFormat format, ImageInputStream input, String name)
      throws IOException {
    ImageReader reader = readerFor(format, false, name);
    try {
      reader.setInput(input, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      checkSize(reader, width, height, name);
      return new ImageHeader(format, width, height);
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      rethrowError(e);
      throw corrupt(format, name, e);
    } finally {
      reader.dispose();
    }
  }

  /**
   * Converts a decoded image to 8-bit RGB by the rules of this class, reading raw raster samples.
   */
  public static RgbImage toRgb(BufferedImage image) {
    ColorModel model = image.getColorModel();
    Raster raster = image.getRaster();
    int width = image.getWidth();
    int height = image.getHeight();
    long length = (long) width * height * RGB_BYTES;
    if (length > MAX_ARRAY_LENGTH) {
      throw new InvalidInputException(
          "a "
              + width
              + " x "
              + height
              + " image needs "
              + length
              + " bytes as RGB, more than one"
              + " Java array holds ("
              + MAX_ARRAY_LENGTH
              + "); shrink the image");
    }
    byte[] pixels = new byte[(int) length];
    if (model instanceof IndexColorModel palette) {
      convertIndexed(raster, palette, pixels);
    } else if (model.getNumColorComponents() == GRAY_COMPONENTS) {
      convertGray(raster, model, pixels);
    } else if (model.getNumColorComponents() == CMYK_COMPONENTS) {
      convertCmyk(raster, model, pixels);
    } else {
      convertRgb(raster, model, pixels);
    }
    return new RgbImage(width, height, pixels);
  }

  private static void convertIndexed(Raster raster, IndexColorModel palette, byte[] pixels) {
    int width = raster.getWidth();
    int[] row = new int[width];
    int out = 0;
    for (int y = 0; y < raster.getHeight(); y++) {
      raster.getSamples(0, y, width, 1, 0, row);
      for (int x = 0; x < width; x++) {
        pixels[out++] = (byte) palette.getRed(row[x]);
        pixels[out++] = (byte) palette.getGreen(row[x]);
        pixels[out++] = (byte) palette.getBlue(row[x]);
      }
    }
  }

  private static void convertGray(Raster raster, ColorModel model, byte[] pixels) {
    int width = raster.getWidth();
    int bits = model.getComponentSize(0);
    int[] row = new int[width];
    int out = 0;
    for (int y = 0; y < raster.getHeight(); y++) {
      raster.getSamples(0, y, width, 1, 0, row);
      for (int x = 0; x < width; x++) {
        byte gray = (byte) to8Bits(row[x], bits);
        pixels[out++] = gray;
        pixels[out++] = gray;
        pixels[out++] = gray;
      }
    }
  }

  private static void convertRgb(Raster raster, ColorModel model, byte[] pixels) {
    int width = raster.getWidth();
    int[] row = new int[width];
    for (int band = 0; band < 3; band++) {
      int bits = model.getComponentSize(band);
      for (int y = 0; y < raster.getHeight(); y++) {
        raster.getSamples(0, y, width, 1, band, row);
        int out = y * width * 3 + band;
        for (int x = 0; x < width; x++, out += 3) {
          pixels[out] = (byte) to8Bits(row[x], bits);
        }
      }
    }
  }

  /**
   * Pillow's CMYK to RGB rule: each channel is {@code (255 - k) - round(ink * (255 - k) / 255)}.
   */
  private static void convertCmyk(Raster raster, ColorModel model, byte[] pixels) {
    int width = raster.getWidth();
    int[] row = new int[width * raster.getNumBands()];
    int bands = raster.getNumBands();
    int out = 0;
    for (int y = 0; y < raster.getHeight(); y++) {
      raster.getPixels(0, y, width, 1, row);
      for (int x = 0; x < width; x++) {
        int base = x * bands;
        int inverseBlack = EIGHT_BIT_MAX - to8Bits(row[base + 3], model.getComponentSize(3));
        for (int channel = 0; channel < 3; channel++) {
          int ink = to8Bits(row[base + channel], model.getComponentSize(channel));
          pixels[out++] = (byte) clip8(inverseBlack - multiplyDivide255(ink, inverseBlack));
        }
      }
    }
  }

  private static int multiplyDivide255(int a, int b) {
    int product = a * b + 128;
    return ((product >> EIGHT_BITS) + product) >> EIGHT_BITS;
  }

  private static int clip8(int value) {
    return Math.max(0, Math.min(EIGHT_BIT_MAX, value));
  }

  /** Maps a sample of {@code bits} bits to 8 bits; 16-bit samples by rounded division by 257. */
  static int to8Bits(int sample, int bits) {
    if (bits == EIGHT_BITS) {
      return sample;
    }
    if (bits == SIXTEEN_BITS) {
      return (int) Math.round(sample / (double) SIXTEEN_BIT_DIVISOR);
    }
    int max = (1 << bits) - 1;
    return (int) Math.round(sample * (double) EIGHT_BIT_MAX / max);
  }

  /**
   * Rejects an image over the pixel limit, or one whose decoded raster or RGB copy would not fit in
   * a Java array, before any pixel is decoded.
   */
  private void checkSize(ImageReader reader, int width, int height, String name) {
    long pixels = (long) width * height;
    if (pixels > pixelLimit) {
      throw new InvalidInputException(
          name
              + ": the image is "
              + width
              + " x "
              + height
              + " = "
              + pixels
              + " pixels, more than the limit of "
              + pixelLimit
              + " (a possible decompression bomb); shrink the image, or raise the limit with the"
              + " source option pixel-limit=N (on the command line: --source-option"
              + " pixel-limit=N)");
    }
    long elements = pixels * RGB_BYTES;
    if (pixels * MAX_ELEMENTS_PER_PIXEL > MAX_ARRAY_LENGTH) {
      elements = pixels * Math.max(RGB_BYTES, elementsPerPixel(reader));
    }
    if (elements > MAX_ARRAY_LENGTH) {
      throw new InvalidInputException(
          name
              + ": the image is "
              + width
              + " x "
              + height
              + " = "
              + pixels
              + " pixels, too large to decode: its pixels need "
              + elements
              + " array elements, more than one Java array holds ("
              + MAX_ARRAY_LENGTH
              + "); shrink or split the image");
    }
  }

  /**
   * Returns how many array elements the reader's raster uses per pixel: 3 for 8-bit RGB, 4 for
   * RGBA, 1 for packed or indexed pixels. Returns 1 when the reader cannot tell from the header.
   */
  private static int elementsPerPixel(ImageReader reader) {
    try {
      ImageTypeSpecifier type = reader.getRawImageType(0);
      return type == null ? 1 : type.getSampleModel(1, 1).getNumDataElements();
    } catch (IOException | RuntimeException e) {
      return 1;
    }
  }

  private static ImageFormat formatOf(byte[] content, String name) {
    if (content.length == 0) {
      throw empty(name);
    }
    int length = Math.min(content.length, ImageFormat.SNIFF_LENGTH);
    return ImageFormat.sniff(content, length)
        .orElseThrow(
            () -> new InvalidInputException(name + ": " + describeUnreadable(content, length)));
  }

  /**
   * Describes a file whose leading bytes match no supported format, with the fix. The message names
   * a known unsupported format (TIFF, HEIC, AVIF, PSD, ICO and others), or else reports whether the
   * file looks like text and shows its first bytes.
   */
  public static String describeUnreadable(byte[] head, int length) {
    Optional<String> known = ImageFormat.sniffUnsupported(head, length);
    if (known.isPresent()) {
      return "is a " + known.get() + " image, which is not supported; convert it to PNG";
    }
    boolean text = true;
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int value = head[i] & 0xff;
      text &= value == '\t' || value == '\n' || value == '\r' || (value >= ' ' && value < 0x7f);
      hex.append(String.format(Locale.ROOT, "%02x", value));
    }
    String found = text ? "it looks like a text file" : "it starts with bytes " + hex;
    return "not a PNG, JPEG, GIF, BMP or WebP image ("
        + found
        + "); remove the file or convert it to a supported format";
  }

  /**
   * Picks the reader: TwelveMonkeys where installed, except for four-component (CMYK and YCCK)
   * JPEGs, where the JDK reader yields the ink values in the convention Pillow uses.
   *
   * <p>NOTE: a four-component JPEG without an Adobe APP14 marker comes out with inverted ink here,
   * while Pillow reads it as plain CMYK, so its features differ from Pillow's. Such files are rare.
   */
  private static ImageReader readerFor(ImageFormat format, boolean fourComponentJpeg, String name) {
    List<ImageReader> found = new ArrayList<>();
    ImageIO.getImageReadersByFormatName(format.imageIoName()).forEachRemaining(found::add);
    if (found.isEmpty()) {
      throw new InvalidInputException(
          name
              + ": no "
              + format
              + " reader is installed; put the TwelveMonkeys imageio-"
              + format.imageIoName()
              + " jar on the class or module path");
    }
    ImageReader chosen = found.get(0);
    for (ImageReader reader : found) {
      boolean twelveMonkeys = reader.getClass().getName().startsWith(TWELVEMONKEYS_PACKAGE);
      if (twelveMonkeys != fourComponentJpeg) {
        chosen = reader;
        break;
      }
    }
    for (ImageReader reader : found) {
      if (reader != chosen) {
        reader.dispose();
      }
    }
    return chosen;
  }

  private static ImageInputStream streamOf(byte[] content) {
    InputStream bytes = new ByteArrayInputStream(content);
    return new MemoryCacheImageInputStream(bytes);
  }

  private static byte[] readHead(Path file) throws IOException {
    try (InputStream input = Files.newInputStream(file)) {
      return input.readNBytes(ImageFormat.SNIFF_LENGTH);
    }
  }

  private static void rejectTruncation(List<String> warnings, ImageFormat format, String name) {
    for (String warning : warnings) {
      String lower = warning.toLowerCase(Locale.ROOT);
      for (String marker : TRUNCATION_WARNINGS) {
        if (lower.contains(marker)) {
          throw new InvalidInputException(
              name
                  + ": the "
                  + format
                  + " image is truncated ("
                  + warning
                  + "); "
                  + "copy the file again or remove it");
        }
      }
    }
  }

  /**
   * Rethrows the first {@link Error} in the cause chain of {@code failure}. ImageIO readers catch
   * an {@link OutOfMemoryError} and wrap it in an {@link javax.imageio.IIOException}; reporting
   * that as a corrupt file would hide the real fix, a larger heap.
   */
  static void rethrowError(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++) {
      if (cause instanceof Error error) {
        throw error;
      }
      cause = cause.getCause();
    }
  }

  private static InvalidInputException notRegularFile(String name) {
    return new InvalidInputException(
        name
            + ": not a regular file (a FIFO, socket or device); remove it or replace it with an"
            + " image file");
  }

  private static InvalidInputException empty(String name) {
    return new InvalidInputException(
        name + ": the file is empty (0 bytes); remove it or replace it with a valid image");
  }

  private static InvalidInputException corrupt(ImageFormat format, String name, Exception cause) {
    String detail =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new InvalidInputException(
        name
            + ": the "
            + format
            + " image is truncated or corrupt ("
            + detail
            + "); copy the file again or remove it",
        cause);
  }
}
