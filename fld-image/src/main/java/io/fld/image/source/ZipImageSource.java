package io.fld.image.source;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.RgbImage;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import io.fld.image.decode.ImageDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The images inside a zip archive: entries with the chosen extensions, hidden entries and macOS
 * metadata skipped, in the sorted order of their names. Every entry is checked when the source
 * opens, as for folders: with {@code skip-invalid}, that check decodes each image once more.
 */
public final class ZipImageSource implements SampleSource<RgbImage> {

  private static final String MACOS_METADATA = "__MACOSX/";
  private static final int HASH_BUFFER = 1 << 16;

  private final Path archive;
  private final List<String> names;
  private final List<SkippedFile> skipped;
  private final ImageSourceOptions options;
  private final ImageDecoder decoder;

  private ZipImageSource(
      Path archive, List<String> names, List<SkippedFile> skipped, ImageSourceOptions options) {
    this.archive = archive;
    this.names = names;
    this.skipped = skipped;
    this.options = options;
    this.decoder = new ImageDecoder(options.pixelLimit());
  }

  /**
   * Lists and checks the images of {@code archive}.
   *
   * @throws InvalidInputException if the archive is missing, not a zip file, contains no matching
   *     image, or contains unreadable images and {@code skipInvalid} is off
   */
  public static ZipImageSource open(Path archive, ImageSourceOptions options) throws IOException {
    if (!Files.isRegularFile(archive)) {
      throw new InvalidInputException(archive + ": no such zip archive; check the path");
    }
    List<String> valid = new ArrayList<>();
    List<SkippedFile> invalid = new ArrayList<>();
    ImageDecoder decoder = new ImageDecoder(options.pixelLimit());
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      for (ZipEntry entry : matchingEntries(zip, options)) {
        byte[] content;
        try (InputStream input = zip.getInputStream(entry)) {
          content = input.readAllBytes();
        }
        String name = archive + "!/" + entry.getName();
        Optional<String> problem =
            ImageCheck.problem(content, name, decoder, options.skipInvalid());
        if (problem.isPresent()) {
          invalid.add(new SkippedFile(entry.getName(), problem.get()));
        } else {
          valid.add(entry.getName());
        }
      }
    } catch (ZipException e) {
      throw new InvalidInputException(
          archive + ": not a readable zip archive (" + e.getMessage() + "); check the file", e);
    }
    if (valid.isEmpty() && invalid.isEmpty()) {
      throw new InvalidInputException(
          archive
              + ": no entries with the extensions "
              + options.extensionList()
              + "; add images or pass extensions=...");
    }
    if (!invalid.isEmpty() && !options.skipInvalid()) {
      throw InvalidFiles.error(archive.toString(), invalid);
    }
    if (valid.isEmpty()) {
      throw InvalidFiles.noneLeft(archive.toString(), invalid);
    }
    return new ZipImageSource(archive, List.copyOf(valid), List.copyOf(invalid), options);
  }

  @Override
  public String description() {
    return archive.toString();
  }

  @Override
  public int size() {
    return names.size();
  }

  @Override
  public Class<RgbImage> sampleType() {
    return RgbImage.class;
  }

  /** Returns the entry names of the samples, sorted. */
  public List<String> names() {
    return names;
  }

  /** Returns the entries left out by the pre-scan, with the reason. */
  public List<SkippedFile> skipped() {
    return skipped;
  }

  /**
   * Returns the cache key of the images: the entry names and either the archive's bytes (with
   * {@code content-hash}) or its real path, size and modification time.
   */
  @Override
  public String fingerprint() throws IOException {
    MessageDigest digest = Digests.sha256();
    names.forEach(name -> Digests.update(digest, name));
    if (options.contentHash()) {
      byte[] buffer = new byte[HASH_BUFFER];
      try (InputStream input = Files.newInputStream(archive)) {
        for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
          digest.update(buffer, 0, read);
        }
      }
    } else {
      Digests.update(digest, archive.toRealPath().toString());
      Digests.update(
          digest, Files.size(archive) + "/" + Files.getLastModifiedTime(archive).toMillis());
    }
    return Digests.hex(digest.digest());
  }

  @Override
  public SampleCursor<RgbImage> open() throws IOException {
    ZipFile zip = new ZipFile(archive.toFile());
    return new DecodingCursor(names, index -> decode(zip, names.get(index)), zip);
  }

  private RgbImage decode(ZipFile zip, String name) throws IOException {
    try (InputStream input = zip.getInputStream(zip.getEntry(name))) {
      return decoder.decode(input.readAllBytes(), archive + "!/" + name);
    }
  }

  private static List<ZipEntry> matchingEntries(ZipFile zip, ImageSourceOptions options) {
    return zip.stream()
        .filter(entry -> !entry.isDirectory())
        .filter(entry -> !entry.getName().startsWith(MACOS_METADATA))
        .filter(entry -> !isHidden(entry.getName()))
        .filter(entry -> options.extensions().contains(extensionOf(entry.getName())))
        .sorted(Comparator.comparing(ZipEntry::getName))
        .map(ZipEntry.class::cast)
        .toList();
  }

  private static boolean isHidden(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    return last.startsWith(".") || last.startsWith("._") || name.contains("/.");
  }

  private static String extensionOf(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    return dot <= 0 ? "" : last.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
