package io.fld.image.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.RgbImage;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decodes images of every supported kind, written by the test, and rejects bad files by name. */
class ImageDecoderTest {

  private static final int WIDTH = 13;
  private static final int HEIGHT = 7;
  private static final int JPEG_TOLERANCE = 3;
  private static final int ADOBE_CMYK = 0;
  private static final int ADOBE_YCCK = 2;

  /** Zero bytes after the VP8L bits, since bit readers fetch whole words ahead of the data. */
  private static final int READ_AHEAD = 8;

  private final ImageDecoder decoder = new ImageDecoder();

  @TempDir Path folder;

  @Test
  void sixteenBitRgbaPngRoundsAndDropsAlpha() throws IOException {
    ComponentColorModel model =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_sRGB),
            true,
            false,
            Transparency.TRANSLUCENT,
            DataBuffer.TYPE_USHORT);
    WritableRaster raster = model.createCompatibleWritableRaster(WIDTH, HEIGHT);
    for (int i = 0; i < WIDTH * HEIGHT; i++) {
      int x = i % WIDTH;
      int y = i / WIDTH;
      raster.setPixel(x, y, new int[] {i * 701 % 65536, 128 + 257 * (i % 255), 65535, i * 97});
    }
    RgbImage image = roundTrip(new BufferedImage(model, raster, false, null), "png");

    for (int i = 0; i < WIDTH * HEIGHT; i++) {
      int x = i % WIDTH;
      int y = i / WIDTH;
      assertEquals(Math.round((i * 701 % 65536) / 257.0), image.sample(x, y, 0));
      assertEquals(Math.round((128 + 257 * (i % 255)) / 257.0), image.sample(x, y, 1));
      assertEquals(255, image.sample(x, y, 2));
    }
  }

  @Test
  void sixteenBitGrayPngExpandsToRgb() throws IOException {
    BufferedImage gray = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_USHORT_GRAY);
    gray.getRaster().setSample(3, 2, 0, 40_000);
    RgbImage image = roundTrip(gray, "png");

    assertPixel(image, 3, 2, 156, 156, 156);
    assertPixel(image, 0, 0, 0, 0, 0);
  }

  @Test
  void grayAlphaPngDropsAlpha() throws IOException {
    ComponentColorModel model =
        new ComponentColorModel(
            ColorSpace.getInstance(ColorSpace.CS_GRAY),
            true,
            false,
            Transparency.TRANSLUCENT,
            DataBuffer.TYPE_BYTE);
    WritableRaster raster = model.createCompatibleWritableRaster(WIDTH, HEIGHT);
    raster.setPixel(1, 1, new int[] {77, 0});
    raster.setPixel(2, 1, new int[] {200, 128});
    RgbImage image = roundTrip(new BufferedImage(model, raster, false, null), "png");

    assertPixel(image, 1, 1, 77, 77, 77);
    assertPixel(image, 2, 1, 200, 200, 200);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void lowBitDepthGrayPngScalesToFullRange(int bits) throws IOException {
    BufferedImage gray =
        ImageTypeSpecifier.createGrayscale(bits, DataBuffer.TYPE_BYTE, false)
            .createBufferedImage(WIDTH, HEIGHT);
    int max = (1 << bits) - 1;
    gray.getRaster().setSample(5, 3, 0, max);
    gray.getRaster().setSample(6, 3, 0, max / 2);
    RgbImage image = roundTrip(gray, "png");

    assertPixel(image, 5, 3, 255, 255, 255);
    int half = (int) Math.round((max / 2) * 255.0 / max);
    assertPixel(image, 6, 3, half, half, half);
    assertPixel(image, 0, 0, 0, 0, 0);
  }

  @Test
  void palettePngWithTransparencyUsesPaletteColors() throws IOException {
    byte[] red = {10, (byte) 200, 0};
    byte[] green = {20, 100, 0};
    byte[] blue = {30, 50, (byte) 255};
    byte[] alpha = {(byte) 255, 0, (byte) 128};
    IndexColorModel palette = new IndexColorModel(8, 3, red, green, blue, alpha);
    BufferedImage image =
        new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED, palette);
    image.getRaster().setSample(4, 4, 0, 1);
    image.getRaster().setSample(5, 4, 0, 2);
    RgbImage decoded = roundTrip(image, "png");

    assertPixel(decoded, 0, 0, 10, 20, 30);
    assertPixel(decoded, 4, 4, 200, 100, 50);
    assertPixel(decoded, 5, 4, 0, 0, 255);
  }

  @Test
  void bmpAndGifDecodeExactly() throws IOException {
    BufferedImage rgb = pattern();
    RgbImage bmp = roundTrip(rgb, "bmp");
    assertPixelsEqual(rgb, bmp, 0);

    byte[] levels = new byte[256];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = (byte) i;
    }
    IndexColorModel palette = new IndexColorModel(8, 256, levels, levels, levels);
    BufferedImage indexed =
        new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED, palette);
    indexed.getRaster().setSample(2, 2, 0, 99);
    RgbImage gif = roundTrip(indexed, "gif");
    assertPixel(gif, 2, 2, 99, 99, 99);
  }

  @Test
  void baselineAndProgressiveJpeg() throws IOException {
    BufferedImage source = smooth();
    RgbImage baseline = decoder.decode(jpeg(source, false), "baseline.jpg");
    RgbImage progressive = decoder.decode(jpeg(source, true), "progressive.jpg");

    assertPixelsEqual(source, baseline, JPEG_TOLERANCE);
    assertPixelsEqual(source, progressive, JPEG_TOLERANCE);
  }

  @Test
  void cmykJpegConvertsWithPillowsRule() throws IOException {
    byte[] jpeg = fourComponentJpeg(new int[] {255, 0, 0, 255}, ADOBE_CMYK);

    RgbImage image = decoder.decode(jpeg, "cmyk.jpg");

    assertEquals(255, image.sample(8, 8, 0), 2);
    assertEquals(0, image.sample(8, 8, 1), 2);
    assertEquals(0, image.sample(8, 8, 2), 2);
  }

  /**
   * A YCCK sample (Y, Cb, Cr, K) with neutral chroma decodes to inverted CMYK (255 - Y three times,
   * then K), which Pillow inverts to ink amounts (Y, Y, Y, 255 - K). Its rule then gives every
   * channel {@code K - round(Y * K / 255)}.
   */
  @Test
  void ycckJpegConvertsWithPillowsRule() throws IOException {
    int luma = 100;
    int black = 200;
    byte[] jpeg = fourComponentJpeg(new int[] {luma, 128, 128, black}, ADOBE_YCCK);

    RgbImage image = decoder.decode(jpeg, "ycck.jpg");

    int expected = black - Math.round(luma * black / 255f);
    for (int channel = 0; channel < 3; channel++) {
      assertEquals(expected, image.sample(8, 8, channel), 2, "channel " + channel);
    }
  }

  /** Writes a flat 16 x 16 four-component JPEG with an Adobe marker of the given transform. */
  private static byte[] fourComponentJpeg(int[] stored, int transform) throws IOException {
    WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4, null);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        raster.setPixel(x, y, stored);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(1f);
      writer.write(null, new IIOImage(raster, null, null), param);
    } finally {
      writer.dispose();
    }
    return withAdobeMarker(bytes.toByteArray(), transform);
  }

  @Test
  void embeddedIccProfileIsIgnoredLikePillow() throws IOException {
    BufferedImage flat = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        flat.setRGB(x, y, (60 << 16) | (120 << 8) | 180);
      }
    }
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(flat, "png", png);

    RgbImage jpegImage = decoder.decode(withIccProfile(jpeg(flat, false), profile), "p3.jpg");
    RgbImage pngImage = decoder.decode(withIccChunk(png.toByteArray(), profile), "p3.png");

    assertEquals(60, jpegImage.sample(8, 8, 0), JPEG_TOLERANCE);
    assertEquals(120, jpegImage.sample(8, 8, 1), JPEG_TOLERANCE);
    assertEquals(180, jpegImage.sample(8, 8, 2), JPEG_TOLERANCE);
    assertPixel(pngImage, 8, 8, 60, 120, 180);
  }

  @Test
  void formatIsRecognizedByContentNotExtension() throws IOException {
    Path misnamed = folder.resolve("actually-a-png.jpg");
    ImageIO.write(pattern(), "png", misnamed.toFile());

    assertPixelsEqual(pattern(), decoder.decode(misnamed), 0);
    assertEquals(ImageFormat.PNG, decoder.probe(misnamed).format());
  }

  @Test
  void zeroByteFileIsRejectedByName() throws IOException {
    Path empty = Files.createFile(folder.resolve("empty.png"));

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> decoder.decode(empty));
    assertTrue(error.getMessage().contains("empty.png"), error.getMessage());
    assertTrue(error.getMessage().contains("0 bytes"), error.getMessage());
    assertThrows(InvalidInputException.class, () -> decoder.probe(empty));
  }

  @Test
  void folderInsteadOfImageRejected() throws IOException {
    Path directory = Files.createDirectory(folder.resolve("looks-like.png"));

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> decoder.decode(directory));
    assertTrue(error.getMessage().contains("looks-like.png: is a folder"), error.getMessage());
  }

  @Test
  void textFileNamedPngIsRejectedByName() throws IOException {
    Path text = Files.writeString(folder.resolve("notes.png"), "hello, these are notes\n");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> decoder.decode(text));
    assertTrue(error.getMessage().contains("notes.png"), error.getMessage());
    assertTrue(error.getMessage().contains("text file"), error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpeg"})
  void truncatedImageIsRejectedByName(String format) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(noisy(64, 64), format, bytes);
    byte[] whole = bytes.toByteArray();
    Path truncated = folder.resolve("cut." + format);
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> decoder.decode(truncated));
    assertTrue(error.getMessage().contains("cut." + format), error.getMessage());
    assertTrue(error.getMessage().contains("truncated"), error.getMessage());
  }

  @Test
  void decompressionBombIsRejectedFromTheHeaderAlone() throws IOException {
    Path bomb = Files.write(folder.resolve("bomb.png"), pngHeaderOnly(100_000, 100_000));

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> decoder.decode(bomb));
    assertTrue(error.getMessage().contains("bomb.png"), error.getMessage());
    assertTrue(error.getMessage().contains("10000000000 pixels"), error.getMessage());
    assertThrows(InvalidInputException.class, () -> decoder.probe(bomb));

    ImageDecoder strict = new ImageDecoder(WIDTH * HEIGHT - 1);
    Path small = folder.resolve("small.png");
    ImageIO.write(pattern(), "png", small.toFile());
    assertThrows(InvalidInputException.class, () -> strict.decode(small));
  }

  @Test
  void grayPaletteGifKeepsPaletteValues() throws IOException {
    byte[] levels = new byte[256];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = (byte) i;
    }
    IndexColorModel ramp = new IndexColorModel(8, 256, levels, levels, levels);
    BufferedImage constant =
        new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED, ramp);
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        constant.getRaster().setSample(x, y, 0, 128);
      }
    }
    assertPixel(roundTrip(constant, "gif"), 3, 3, 128, 128, 128);
    assertPixel(roundTrip(constant, "png"), 3, 3, 128, 128, 128);

    byte[] twoLevels = {0, (byte) 128};
    IndexColorModel binary = new IndexColorModel(1, 2, twoLevels, twoLevels, twoLevels);
    BufferedImage checkered =
        new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY, binary);
    checkered.getRaster().setSample(1, 0, 0, 1);
    RgbImage decoded = roundTrip(checkered, "gif");
    assertPixel(decoded, 0, 0, 0, 0, 0);
    assertPixel(decoded, 1, 0, 128, 128, 128);
  }

  @Test
  void oversizedHeaderRejected() throws IOException {
    Path huge = Files.write(folder.resolve("huge.png"), pngHeaderOnly(30_000, 30_000));
    ImageDecoder generous = new ImageDecoder(1_000_000_000L);

    for (InvalidInputException error :
        List.of(
            assertThrows(InvalidInputException.class, () -> generous.decode(huge)),
            assertThrows(InvalidInputException.class, () -> generous.probe(huge)))) {
      String message = error.getMessage();
      assertTrue(message.contains("huge.png"), message);
      assertTrue(message.contains("900000000 pixels, too large to decode"), message);
      assertTrue(message.contains("2700000000 array elements"), message);
      assertFalse(message.contains("corrupt"), message);
    }
  }

  @Test
  void pixelLimitMessageNamesTheSourceOption() throws IOException {
    Path large = Files.write(folder.resolve("large.png"), pngHeaderOnly(2_000, 1_000));

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> new ImageDecoder(1_000).decode(large));

    assertTrue(error.getMessage().contains("2000000 pixels"), error.getMessage());
    assertTrue(error.getMessage().contains("--source-option pixel-limit=N"), error.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "49492a00080000000000000000, TIFF",
    "4d4d002a000000080000000000, TIFF",
    "0000001866747970686569630000, HEIC",
    "0000001c667479706d6966310000, HEIC",
    "0000001c6674797061766966, AVIF",
    "38425053000100000000000000, Photoshop (PSD)",
    "00000100010010100000010020, Windows icon (ICO)"
  })
  void unsupportedFormatIsNamed(String hex, String format) throws IOException {
    Path file = Files.write(folder.resolve("photo.png"), HexFormat.of().parseHex(hex));

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> decoder.decode(file));

    assertTrue(
        error.getMessage().contains("photo.png: is a " + format + " image, which is not supported"),
        error.getMessage());
    assertTrue(error.getMessage().endsWith("convert it to PNG"), error.getMessage());
  }

  @Test
  void wrappedOutOfMemoryRethrown() throws IOException {
    IIORegistry registry = IIORegistry.getDefaultInstance();
    ImageReaderSpi failing = new OutOfMemoryPngReaderSpi();
    registry.registerServiceProvider(failing, ImageReaderSpi.class);
    registry
        .getServiceProviders(ImageReaderSpi.class, false)
        .forEachRemaining(
            other -> {
              if (other != failing) {
                registry.setOrdering(ImageReaderSpi.class, failing, other);
              }
            });
    byte[] png = Files.readAllBytes(writeSmallPng());
    // JUnit's assertThrows rethrows an OutOfMemoryError as fatal, so it is caught here instead.
    String thrown = "nothing";
    try {
      decoder.decode(png, "big.png");
    } catch (OutOfMemoryError e) {
      thrown = "OutOfMemoryError: " + e.getMessage();
    } catch (InvalidInputException e) {
      thrown = "InvalidInputException: " + e.getMessage();
    } finally {
      registry.deregisterServiceProvider(failing, ImageReaderSpi.class);
    }
    assertEquals("OutOfMemoryError: Java heap space", thrown);
    assertPixelsEqual(pattern(), decoder.decode(png, "big.png"), 0);
  }

  @Test
  void losslessWebpDecodes() throws IOException {
    RgbImage image = decoder.decode(losslessWebp(3, 2, 200, 100, 50), "tiny.webp");

    assertEquals(3, image.width());
    assertEquals(2, image.height());
    assertPixel(image, 2, 1, 200, 100, 50);
  }

  @Test
  void animatedGifYieldsItsFirstFrame() throws IOException {
    byte[] levels = new byte[256];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = (byte) i;
    }
    IndexColorModel palette = new IndexColorModel(8, 256, levels, levels, levels);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(output);
      writer.prepareWriteSequence(null);
      for (int frame : new int[] {40, 90}) {
        BufferedImage image =
            new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_INDEXED, palette);
        image.getRaster().setSample(1, 1, 0, frame);
        writer.writeToSequence(new IIOImage(image, null, null), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }

    RgbImage first = decoder.decode(bytes.toByteArray(), "animated.gif");

    assertPixel(first, 1, 1, 40, 40, 40);
  }

  @Test
  void webpIsRecognizedByItsSignature() {
    byte[] head = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);

    assertEquals(ImageFormat.WEBP, ImageFormat.sniff(head, head.length).orElseThrow());
  }

  private RgbImage roundTrip(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, format, bytes), "no " + format + " writer for this image");
    return decoder.decode(bytes.toByteArray(), "image." + format);
  }

  private static byte[] jpeg(BufferedImage image, boolean progressive) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(1f);
      if (progressive) {
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** Inserts an APP2 ICC_PROFILE segment after the start-of-image marker. */
  private static byte[] withIccProfile(byte[] jpeg, byte[] profile) {
    byte[] signature = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    int length = 2 + signature.length + 2 + profile.length;
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
    out.put(jpeg, 0, 2).put((byte) 0xff).put((byte) 0xe2).putShort((short) length);
    out.put(signature).put((byte) 1).put((byte) 1).put(profile);
    out.put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /** Inserts an iCCP chunk with {@code profile} after the IHDR chunk of a PNG. */
  private static byte[] withIccChunk(byte[] png, byte[] profile) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (java.util.zip.DeflaterOutputStream deflater =
        new java.util.zip.DeflaterOutputStream(compressed)) {
      deflater.write(profile);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    byte[] body = compressed.toByteArray();
    ByteBuffer chunk = ByteBuffer.allocate(4 + 3 + 2 + body.length);
    chunk
        .put("iCCP".getBytes(StandardCharsets.US_ASCII))
        .put("p3".getBytes(StandardCharsets.US_ASCII));
    chunk.put((byte) 0).put((byte) 0).put(body);
    CRC32 crc = new CRC32();
    crc.update(chunk.array());
    int afterHeader = 8 + 4 + 4 + 13 + 4;
    ByteBuffer out = ByteBuffer.allocate(png.length + 4 + chunk.capacity() + 4);
    out.put(png, 0, afterHeader).putInt(chunk.capacity() - 4).put(chunk.array());
    out.putInt((int) crc.getValue()).put(png, afterHeader, png.length - afterHeader);
    return out.array();
  }

  /**
   * Inserts an Adobe APP14 segment (transform 0: CMYK, 2: YCCK) after the start-of-image marker, as
   * Photoshop writes it; readers then take the stored samples as inverted ink amounts.
   */
  private static byte[] withAdobeMarker(byte[] jpeg, int transform) {
    byte[] adobe = {
      (byte) 0xff, (byte) 0xee, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform
    };
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + adobe.length);
    out.put(jpeg, 0, 2).put(adobe).put(jpeg, 2, jpeg.length - 2);
    return out.array();
  }

  /**
   * Encodes a one-colour lossless WebP (VP8L). Every prefix code is a simple code with a single
   * symbol, which takes zero bits to read, so the pixel data itself is empty.
   */
  private static byte[] losslessWebp(int width, int height, int red, int green, int blue) {
    BitWriter bits = new BitWriter();
    bits.write(0x2f, 8);
    bits.write(width - 1, 14);
    bits.write(height - 1, 14);
    bits.write(0, 1);
    bits.write(0, 3);
    bits.write(0, 1);
    bits.write(0, 1);
    bits.write(0, 1);
    for (int symbol : new int[] {green, red, blue, 255}) {
      bits.write(1, 1);
      bits.write(0, 1);
      bits.write(1, 1);
      bits.write(symbol, 8);
    }
    bits.write(1, 1);
    bits.write(0, 1);
    bits.write(0, 1);
    bits.write(0, 1);
    byte[] data =
        java.util.Arrays.copyOf(bits.toByteArray(), bits.toByteArray().length + READ_AHEAD);
    int padded = data.length + (data.length % 2);
    ByteBuffer file = ByteBuffer.allocate(20 + padded).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + padded);
    file.put("WEBPVP8L".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
    return file.array();
  }

  /** Writes bits least significant first, as VP8L reads them. */
  private static final class BitWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    void write(int value, int count) {
      for (int i = 0; i < count; i++) {
        current |= ((value >> i) & 1) << used;
        if (++used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
    }

    byte[] toByteArray() {
      if (used > 0) {
        out.write(current);
        current = 0;
        used = 0;
      }
      return out.toByteArray();
    }
  }

  private Path writeSmallPng() throws IOException {
    Path file = folder.resolve("small.png");
    ImageIO.write(pattern(), "png", file.toFile());
    return file;
  }

  /**
   * A PNG reader that fails as the JDK reader does when the heap runs out: it wraps the {@link
   * OutOfMemoryError} in an {@link IIOException}.
   */
  private static final class OutOfMemoryPngReaderSpi extends ImageReaderSpi {
    OutOfMemoryPngReaderSpi() {
      super(
          "test",
          "1",
          new String[] {"png"},
          new String[] {"png"},
          new String[] {"image/png"},
          OutOfMemoryPngReaderSpi.class.getName(),
          new Class<?>[] {ImageInputStream.class},
          null,
          false,
          null,
          null,
          null,
          null,
          false,
          null,
          null,
          null,
          null);
    }

    @Override
    public boolean canDecodeInput(Object source) {
      return false;
    }

    @Override
    public ImageReader createReaderInstance(Object extension) {
      return new ImageReader(this) {
        @Override
        public int getNumImages(boolean allowSearch) {
          return 1;
        }

        @Override
        public int getWidth(int imageIndex) {
          return WIDTH;
        }

        @Override
        public int getHeight(int imageIndex) {
          return HEIGHT;
        }

        @Override
        public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) {
          return List.of(
                  ImageTypeSpecifier.createFromBufferedImageType(BufferedImage.TYPE_3BYTE_BGR))
              .iterator();
        }

        @Override
        public IIOMetadata getStreamMetadata() {
          return null;
        }

        @Override
        public IIOMetadata getImageMetadata(int imageIndex) {
          return null;
        }

        @Override
        public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
          throw new IIOException(
              "Caught exception during read: ", new OutOfMemoryError("Java heap space"));
        }
      };
    }

    @Override
    public String getDescription(Locale locale) {
      return "a PNG reader that runs out of memory";
    }
  }

  private static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer chunk = ByteBuffer.allocate(4 + 13);
    chunk.put("IHDR".getBytes(StandardCharsets.ISO_8859_1));
    chunk.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0);
    chunk.put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(chunk.array());
    ByteBuffer file = ByteBuffer.allocate(8 + 4 + chunk.capacity() + 4);
    file.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    file.putInt(13).put(chunk.array()).putInt((int) crc.getValue());
    return file.array();
  }

  private static BufferedImage pattern() {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        image.setRGB(x, y, (x * 19 << 16) | (y * 31 << 8) | ((x + y) * 11));
      }
    }
    return image;
  }

  private static BufferedImage smooth() {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, (x * 3 << 16) | (y * 4 << 8) | 128);
      }
    }
    return image;
  }

  private static BufferedImage noisy(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    java.util.Random random = new java.util.Random(1);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    return image;
  }

  private static void assertPixel(RgbImage image, int x, int y, int r, int g, int b) {
    int[] actual = {image.sample(x, y, 0), image.sample(x, y, 1), image.sample(x, y, 2)};
    assertEquals(
        Arrays.toString(new int[] {r, g, b}), Arrays.toString(actual), "pixel " + x + "," + y);
  }

  private static void assertPixelsEqual(BufferedImage expected, RgbImage actual, int tolerance) {
    assertEquals(expected.getWidth(), actual.width());
    assertEquals(expected.getHeight(), actual.height());
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        int rgb = expected.getRGB(x, y);
        int[] channels = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
        for (int c = 0; c < 3; c++) {
          int difference = Math.abs(channels[c] - actual.sample(x, y, c));
          assertTrue(
              difference <= tolerance,
              "pixel " + x + "," + y + " channel " + c + " off by " + difference);
        }
      }
    }
  }
}
