package io.fld.image.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.plugin.FldPlugin;
import io.fld.api.sample.RgbImage;
import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder, archive, memory and generator sources, written and read by the test. */
class ImageSourcesTest {

  private static final int SIDE = 8;

  @TempDir Path root;

  @Test
  void folderSortedRecursiveWithoutHidden() throws IOException {
    writePng(root.resolve("b/two.png"), 2);
    writePng(root.resolve("a/one.PNG"), 1);
    writePng(root.resolve("a/zero.JpG.png"), 0);
    writePng(root.resolve("c/straße-日本.png"), 3);
    writePng(root.resolve(".hidden/secret.png"), 9);
    writePng(root.resolve("a/._one.png"), 9);
    writePng(root.resolve("a/.dotfile.png"), 9);
    Files.writeString(root.resolve("notes.txt"), "not an image");

    ImageFolderSource source =
        ImageFolderSource.open(root, ImageSourceOptions.parse(Map.of("labels", "true")));

    List<String> expected = List.of("a/one.PNG", "a/zero.JpG.png", "b/two.png", "c/straße-日本.png");
    assertEquals(expected, source.names());
    assertEquals(3, source.hiddenSkipped());
    assertEquals(List.of("a", "a", "b", "c"), source.labels().orElseThrow());
    assertEquals(List.of(1, 0, 2, 3), markers(source));
  }

  @Test
  void skipListsNamesWithoutDecoding() throws IOException {
    writePng(root.resolve("a.png"), 0);
    writePng(root.resolve("b.png"), 1);
    writePng(root.resolve("c.png"), 2);
    ImageFolderSource source = ImageFolderSource.open(root, ImageSourceOptions.defaults());
    // Damaged after the pre-scan, so decoding it now would fail.
    Files.writeString(root.resolve("a.png"), "no longer a PNG");

    try (SampleCursor<RgbImage> cursor = source.open()) {
      assertEquals(List.of("a.png", "b.png"), cursor.skip(2));
      List<Sample<RgbImage>> rest = cursor.next(5);
      assertEquals(1, rest.size());
      assertEquals("c.png", rest.get(0).name());
      assertEquals(List.of(), cursor.skip(1));
    }
  }

  @Test
  void symbolicLinksAreFollowedAndLoopsAreCut() throws IOException {
    writePng(root.resolve("real/one.png"), 1);
    Files.createDirectories(root.resolve("links"));
    Files.createSymbolicLink(root.resolve("links/loop"), root);
    Files.createSymbolicLink(root.resolve("links/alias.png"), root.resolve("real/one.png"));

    ImageFolderSource source = ImageFolderSource.open(root, ImageSourceOptions.defaults());

    assertEquals(List.of("links/alias.png", "real/one.png"), source.names());
  }

  @Test
  void extensionsOptionIsCaseInsensitive() throws IOException {
    writePng(root.resolve("one.PNG"), 1);
    writePng(root.resolve("two.bmp.keep"), 2);

    SampleSource<?> source =
        new ImageFolderProvider().open(root, Map.of("extensions", "KEEP, .png"));

    assertEquals(2, source.size());
  }

  @Test
  void emptyFolderListsExtensions() throws IOException {
    Files.writeString(root.resolve("a.txt"), "x");
    Files.writeString(root.resolve("b.txt"), "x");
    Files.writeString(root.resolve("c.tiff"), "x");

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class,
            () -> ImageFolderSource.open(root, ImageSourceOptions.defaults()));

    assertTrue(error.getMessage().contains("bmp, gif, jpeg, jpg, png, webp"), error.getMessage());
    assertTrue(error.getMessage().contains("2 .txt"), error.getMessage());
    assertTrue(error.getMessage().contains("1 .tiff"), error.getMessage());
  }

  @Test
  void fileOrMissingFolderRejected() throws IOException {
    Path file = Files.writeString(root.resolve("list.csv"), "x");
    Path missing = root.resolve("nowhere");

    InvalidInputException notFolder =
        assertThrows(
            InvalidInputException.class,
            () -> ImageFolderSource.open(file, ImageSourceOptions.defaults()));
    InvalidInputException absent =
        assertThrows(
            InvalidInputException.class, () -> new ImageFolderProvider().open(missing, Map.of()));

    assertTrue(notFolder.getMessage().contains("list.csv: is a file, not a folder"));
    assertTrue(absent.getMessage().contains("nowhere: no such folder"));
  }

  @Test
  void preScanListsOrSkipsBadFiles() throws IOException {
    writePng(root.resolve("good.png"), 1);
    Files.createFile(root.resolve("empty.png"));
    Files.writeString(root.resolve("text.jpg"), "hello");
    byte[] whole = pngBytes(2);
    Files.write(root.resolve("cut.png"), java.util.Arrays.copyOf(whole, whole.length - 20));
    BufferedImage noise = new BufferedImage(64, 64, BufferedImage.TYPE_3BYTE_BGR);
    java.util.Random random = new java.util.Random(2);
    for (int i = 0; i < 64 * 64; i++) {
      noise.setRGB(i % 64, i / 64, random.nextInt(1 << 24));
    }
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(noise, "jpeg", jpeg);
    byte[] jpegBytes = jpeg.toByteArray();
    Files.write(root.resolve("cut.jpg"), java.util.Arrays.copyOf(jpegBytes, jpegBytes.length / 2));

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class,
            () -> ImageFolderSource.open(root, ImageSourceOptions.defaults()));
    ImageFolderSource skipping =
        ImageFolderSource.open(root, ImageSourceOptions.defaults().withSkipInvalid(true));

    for (String bad :
        List.of(
            "empty.png: the file is empty",
            "text.jpg: not a PNG",
            "cut.png: the PNG image is truncated",
            "cut.jpg: the JPEG image is truncated")) {
      assertTrue(error.getMessage().contains(bad), error.getMessage());
    }
    assertEquals(List.of("good.png"), skipping.names());
    assertEquals(
        List.of("cut.jpg", "cut.png", "empty.png", "text.jpg"),
        skipping.skipped().stream().map(SkippedFile::name).toList());
  }

  @Test
  void jpegWithTrailingDataIsAccepted() throws IOException {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", bytes);
    bytes.write(new byte[4096]);
    Files.write(root.resolve("camera.jpg"), bytes.toByteArray());

    ImageFolderSource source = ImageFolderSource.open(root, ImageSourceOptions.defaults());

    assertEquals(List.of("camera.jpg"), source.names());
  }

  @Test
  void fingerprintFollowsModificationTimeOrContent() throws IOException {
    Path file = writePng(root.resolve("one.png"), 1);
    ImageFolderSource source = ImageFolderSource.open(root, ImageSourceOptions.defaults());
    ImageFolderSource hashed =
        ImageFolderSource.open(root, ImageSourceOptions.parse(Map.of("content-hash", "true")));
    String before = source.fingerprint();
    String hashedBefore = hashed.fingerprint();

    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L));

    assertNotEquals(before, source.fingerprint());
    assertEquals(hashedBefore, hashed.fingerprint());
  }

  @Test
  void fingerprintTellsCopiedFoldersApart() throws IOException {
    FileTime time = FileTime.fromMillis(1_600_000_000_000L);
    for (String folder : List.of("a", "b", "c")) {
      Files.createDirectories(root.resolve(folder));
    }
    Path first = Files.write(root.resolve("a/img.bmp"), bmpBytes(10));
    Path second = Files.write(root.resolve("b/img.bmp"), bmpBytes(200));
    Path copy = Files.write(root.resolve("c/img.bmp"), bmpBytes(10));
    for (Path file : List.of(first, second, copy)) {
      Files.setLastModifiedTime(file, time);
    }
    assertEquals(Files.size(first), Files.size(second));
    ImageSourceOptions hashed = ImageSourceOptions.parse(Map.of("content-hash", "true"));

    assertNotEquals(statFingerprint(root.resolve("a")), statFingerprint(root.resolve("b")));
    assertNotEquals(
        ImageFolderSource.open(root.resolve("a"), hashed).fingerprint(),
        ImageFolderSource.open(root.resolve("b"), hashed).fingerprint());
    assertEquals(
        ImageFolderSource.open(root.resolve("a"), hashed).fingerprint(),
        ImageFolderSource.open(root.resolve("c"), hashed).fingerprint());
  }

  @Test
  void zipFingerprintTellsCopiedArchivesApart() throws IOException {
    FileTime time = FileTime.fromMillis(1_600_000_000_000L);
    List<Path> archives = List.of(root.resolve("a/images.zip"), root.resolve("b/images.zip"));
    for (Path archive : archives) {
      Files.createDirectories(archive.getParent());
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
        putEntry(zip, "one.png", pngBytes(1));
      }
      Files.setLastModifiedTime(archive, time);
    }
    Map<String, String> hashed = Map.of("content-hash", "true");
    ImageFolderProvider provider = new ImageFolderProvider();

    assertNotEquals(
        provider.open(archives.get(0), Map.of()).fingerprint(),
        provider.open(archives.get(1), Map.of()).fingerprint());
    assertEquals(
        provider.open(archives.get(0), hashed).fingerprint(),
        provider.open(archives.get(1), hashed).fingerprint());
  }

  @Test
  void preScanFindsLimitAndBrokenLinks() throws IOException {
    writePng(root.resolve("good.png"), 1);
    writeNoisyPng(root.resolve("large.png"), 40);
    Files.createSymbolicLink(root.resolve("gone.png"), root.resolve("missing.png"));
    Files.write(root.resolve("corrupt.png"), corruptPng());
    Map<String, String> limit = Map.of("pixel-limit", "1500");

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class,
            () -> ImageFolderSource.open(root, ImageSourceOptions.parse(limit)));

    String message = error.getMessage();
    assertTrue(message.contains("2 file(s) cannot be read"), message);
    assertTrue(message.contains("large.png: the image is 40 x 40 = 1600 pixels"), message);
    assertTrue(message.contains("gone.png: a broken symbolic link"), message);
    assertTrue(message.contains("missing.png does not exist"), message);
    assertTrue(message.contains("pass --skip-invalid (source option skip-invalid=true)"), message);
  }

  @Test
  void skipInvalidSkipsFilesThatFailToDecode() throws IOException {
    writePng(root.resolve("good.png"), 1);
    writeNoisyPng(root.resolve("large.png"), 40);
    Files.createSymbolicLink(root.resolve("gone.png"), root.resolve("missing.png"));
    Files.write(root.resolve("corrupt.png"), corruptPng());
    Map<String, String> options = Map.of("pixel-limit", "1500", "skip-invalid", "true");

    ImageFolderSource source = ImageFolderSource.open(root, ImageSourceOptions.parse(options));

    assertEquals(List.of("good.png"), source.names());
    assertEquals(
        List.of("corrupt.png", "gone.png", "large.png"),
        source.skipped().stream().map(SkippedFile::name).toList());
    assertTrue(
        source.skipped().get(0).reason().startsWith("the PNG image is truncated or corrupt"),
        source.skipped().get(0).reason());
    assertEquals(List.of(1), markers(source));
  }

  @Test
  void decodeFailureWithoutSkipNamesTheFile() throws IOException {
    writePng(root.resolve("good.png"), 1);
    Files.write(root.resolve("corrupt.png"), corruptPng());
    ImageFolderSource source = ImageFolderSource.open(root, ImageSourceOptions.defaults());

    Exception error = assertThrows(Exception.class, () -> read(source));

    assertTrue(error.getMessage().contains("corrupt.png"), error.getMessage());
    assertTrue(error.getMessage().contains("truncated or corrupt"), error.getMessage());
  }

  @Test
  void allInvalidWithSkipSaysNoneLeft() throws IOException {
    Files.write(root.resolve("corrupt.png"), corruptPng());
    Files.writeString(root.resolve("text.png"), "hello");
    ImageSourceOptions skipping = ImageSourceOptions.defaults().withSkipInvalid(true);

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> ImageFolderSource.open(root, skipping));

    String message = error.getMessage();
    assertTrue(
        message.startsWith("no readable images left in " + root + " after skipping 2"), message);
    assertTrue(message.contains("corrupt.png: the PNG image is truncated or corrupt"), message);
    assertFalse(message.contains("skip-invalid"), message);
  }

  @Test
  void fifoIsNotARegularFile() throws IOException, InterruptedException {
    writePng(root.resolve("good.png"), 1);
    Path fifo = root.resolve("pipe.png");
    int status = -1;
    try {
      status = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    } catch (IOException e) {
      // mkfifo is missing; the assumption below skips the test
    }
    assumeTrue(status == 0, "mkfifo is not available");

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class,
            () -> ImageFolderSource.open(root, ImageSourceOptions.defaults()));

    assertTrue(error.getMessage().contains("pipe.png: not a regular file"), error.getMessage());
  }

  @Test
  void zipSkipInvalidSkipsCorruptEntries() throws IOException {
    Path archive = root.resolve("images.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
      putEntry(zip, "good.png", pngBytes(3));
      putEntry(zip, "corrupt.png", corruptPng());
    }
    ImageFolderProvider provider = new ImageFolderProvider();

    ZipImageSource source = (ZipImageSource) provider.open(archive, Map.of("skip-invalid", "true"));

    assertEquals(List.of("good.png"), source.names());
    assertEquals(List.of("corrupt.png"), source.skipped().stream().map(SkippedFile::name).toList());
  }

  @Test
  void providerDescriptionNamesEveryOption() {
    String description = new ImageFolderProvider().description();

    for (String option :
        List.of("extensions=", "labels=", "skip-invalid=", "content-hash=", "pixel-limit=")) {
      assertTrue(description.contains(option), description);
    }
    assertFalse(description.contains("\n"), description);
  }

  @Test
  void zipArchiveIsReadInSortedOrder() throws IOException {
    Path archive = root.resolve("images.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
      putEntry(zip, "z/last.png", pngBytes(5));
      putEntry(zip, "first.png", pngBytes(4));
      putEntry(zip, "__MACOSX/._first.png", new byte[] {0, 5, 22});
      putEntry(zip, "readme.txt", "hello".getBytes());
    }

    SampleSource<?> source = new ImageFolderProvider().open(archive, Map.of());

    assertEquals(2, source.size());
    assertEquals(List.of(4, 5), markers(source));
  }

  @Test
  void floatArraysTruncateLikeToPilImage() throws IOException {
    float[] values = new float[2 * 3 * SIDE * SIDE];
    values[0] = 0.999f;
    values[SIDE * SIDE] = 1f;
    values[2 * SIDE * SIDE] = 0.5f;

    MemoryImageSource source = MemoryImageSource.ofArray("generated", values, 2, 3, SIDE, SIDE);
    RgbImage first = read(source).get(0).value();

    assertEquals(254, first.sample(0, 0, 0));
    assertEquals(255, first.sample(0, 0, 1));
    assertEquals(127, first.sample(0, 0, 2));
    values[5] = 1.5f;
    InvalidInputException error =
        assertThrows(
            InvalidInputException.class,
            () -> MemoryImageSource.ofArray("generated", values, 2, 3, SIDE, SIDE));
    assertTrue(error.getMessage().contains("1.5 of sample 0, channel 0, row 0, column 5"));
  }

  @Test
  void bufferedImagesAreConvertedLikeFiles() throws IOException {
    BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(pngBytes(7)));

    MemoryImageSource source = MemoryImageSource.ofBufferedImages("list", List.of(image, image));

    assertEquals(List.of(7, 7), markers(source));
    assertEquals(
        source.fingerprint(),
        MemoryImageSource.ofBufferedImages("other", List.of(image, image)).fingerprint());
  }

  @Test
  void generatorProducesExactlyTheRequestedCount() throws IOException {
    int[] calls = {0};
    ImageGenerator generator =
        count -> {
          calls[0]++;
          List<RgbImage> batch = new ArrayList<>();
          for (int i = 0; i < 7; i++) {
            batch.add(new RgbImage(SIDE, SIDE, new byte[SIDE * SIDE * 3]));
          }
          return batch;
        };
    GeneratorImageSource source =
        new GeneratorImageSource("model", 20, generator, Optional.empty());

    List<Sample<RgbImage>> all = read(source);

    assertEquals(20, all.size());
    assertEquals("model[19]", all.get(19).name());
    assertNotEquals(
        source.fingerprint(),
        new GeneratorImageSource("model", 20, generator, Optional.empty()).fingerprint());
    GeneratorImageSource dry =
        new GeneratorImageSource("dry", 3, count -> List.of(), Optional.of("seed-1"));
    assertThrows(InvalidInputException.class, () -> read(dry));
  }

  @Test
  void pluginContributesTheImageFolderSource() {
    List<String> names =
        ServiceLoader.load(FldPlugin.class).stream()
            .flatMap(provider -> provider.get().sampleSources().stream())
            .map(source -> source.name())
            .toList();

    assertTrue(names.contains(ImageFolderProvider.NAME), names.toString());
  }

  private static <T> List<Sample<T>> read(SampleSource<T> source) throws IOException {
    List<Sample<T>> all = new ArrayList<>();
    try (SampleCursor<T> cursor = source.open()) {
      for (List<Sample<T>> batch = cursor.next(8); !batch.isEmpty(); batch = cursor.next(8)) {
        all.addAll(batch);
      }
    }
    return all;
  }

  private static List<Integer> markers(SampleSource<?> source) throws IOException {
    return read(source).stream()
        .map(sample -> ((RgbImage) sample.value()).sample(0, 0, 0))
        .toList();
  }

  private static Path writePng(Path file, int marker) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, pngBytes(marker));
  }

  private static byte[] pngBytes(int marker) throws IOException {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
    image.setRGB(0, 0, marker << 16);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  private String statFingerprint(Path folder) throws IOException {
    return ImageFolderSource.open(folder, ImageSourceOptions.defaults()).fingerprint();
  }

  /** Returns an uncompressed BMP, whose size depends only on its dimensions. */
  private static byte[] bmpBytes(int red) throws IOException {
    BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        image.setRGB(x, y, red << 16 | x << 8 | y);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "bmp", bytes);
    return bytes.toByteArray();
  }

  private static void writeNoisyPng(Path file, int side) throws IOException {
    Files.write(file, noisyPng(side));
  }

  private static byte[] noisyPng(int side) throws IOException {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_3BYTE_BGR);
    java.util.Random random = new java.util.Random(side);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }

  /**
   * Returns a PNG whose header and end are intact but whose compressed pixel data is overwritten,
   * so only a full decode finds the damage.
   */
  private static byte[] corruptPng() throws IOException {
    byte[] png = noisyPng(32);
    int idat = new String(png, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("IDAT");
    java.util.Arrays.fill(png, idat + 10, idat + 60, (byte) 0xff);
    return png;
  }

  private static void putEntry(ZipOutputStream zip, String name, byte[] content)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    OutputStream out = zip;
    out.write(content);
    zip.closeEntry();
  }
}
