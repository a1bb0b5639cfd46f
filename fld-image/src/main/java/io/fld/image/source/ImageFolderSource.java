package io.fld.image.source;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.RgbImage;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import io.fld.image.decode.ImageDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The images of a folder tree: files with the chosen extensions, found recursively (following
 * symbolic links, with loop detection), hidden files skipped, in the sorted order of their relative
 * paths. Opening runs a pre-scan that reads the first and last bytes and the header of each file,
 * and lists at once every broken link, empty, non-image or truncated file and every image over the
 * pixel limit.
 *
 * <p>With {@code skip-invalid}, the pre-scan also decodes each image once, in parallel and without
 * keeping the pixels, so that files with corrupt pixel data are listed and skipped up front rather
 * than failing the run during extraction. That costs one more decode of every image. Without it, a
 * file that fails to decode during extraction stops the run with a message that names the file.
 */
public final class ImageFolderSource implements SampleSource<RgbImage> {

  private static final System.Logger LOG = System.getLogger(ImageFolderSource.class.getName());
  private static final int HASH_BUFFER = 1 << 16;

  private final Path folder;
  private final List<Path> files;
  private final List<String> names;
  private final List<SkippedFile> skipped;
  private final int hiddenSkipped;
  private final ImageSourceOptions options;
  private final ImageDecoder decoder;

  private ImageFolderSource(
      Path folder,
      List<Path> files,
      List<String> names,
      List<SkippedFile> skipped,
      int hiddenSkipped,
      ImageSourceOptions options) {
    this.folder = folder;
    this.files = files;
    this.names = names;
    this.skipped = skipped;
    this.hiddenSkipped = hiddenSkipped;
    this.options = options;
    this.decoder = new ImageDecoder(options.pixelLimit());
  }

  /**
   * Scans {@code folder} and checks every matching file.
   *
   * @throws InvalidInputException if the folder is missing, is a file, contains no matching image,
   *     or contains unreadable images and {@code skipInvalid} is off; the message lists them all
   */
  public static ImageFolderSource open(Path folder, ImageSourceOptions options) throws IOException {
    requireFolder(folder);
    ImageFiles.Scan scan = ImageFiles.scan(folder, options.extensions());
    if (scan.files().isEmpty()) {
      throw noImages(scan, options);
    }
    logLoops(scan);
    ImageDecoder decoder = new ImageDecoder(options.pixelLimit());
    List<Optional<String>> problems = checkAll(scan.files(), decoder, options.skipInvalid());
    List<Path> valid = new ArrayList<>();
    List<SkippedFile> invalid = new ArrayList<>();
    for (int i = 0; i < problems.size(); i++) {
      Path file = scan.files().get(i);
      if (problems.get(i).isPresent()) {
        invalid.add(new SkippedFile(scan.relativeName(file), problems.get(i).get()));
      } else {
        valid.add(file);
      }
    }
    if (!invalid.isEmpty() && !options.skipInvalid()) {
      throw InvalidFiles.error(folder.toString(), invalid);
    }
    if (valid.isEmpty()) {
      throw InvalidFiles.noneLeft(folder.toString(), invalid);
    }
    invalid.forEach(file -> LOG.log(Level.WARNING, "skipping {0} in {1}", file, folder));
    List<String> names = valid.stream().map(scan::relativeName).toList();
    return new ImageFolderSource(
        folder, List.copyOf(valid), names, List.copyOf(invalid), scan.hiddenSkipped(), options);
  }

  /**
   * Checks the files in parallel, since the pre-scan of a large folder is bound by file opens, and
   * with {@code decode} by decoding. Each worker drops a decoded image before taking the next file,
   * so at most one image per worker thread is in memory.
   */
  private static List<Optional<String>> checkAll(
      List<Path> files, ImageDecoder decoder, boolean decode) throws IOException {
    try {
      return files.parallelStream().map(file -> checkOne(file, decoder, decode)).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Optional<String> checkOne(Path file, ImageDecoder decoder, boolean decode) {
    try {
      return ImageCheck.problem(file, decoder, decode);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String description() {
    return folder.toString();
  }

  @Override
  public int size() {
    return files.size();
  }

  @Override
  public Class<RgbImage> sampleType() {
    return RgbImage.class;
  }

  /** Returns the sample names: paths relative to the folder, with {@code /} separators, sorted. */
  public List<String> names() {
    return names;
  }

  /**
   * Returns the class label of each sample, its first-level subfolder (empty for files at the top
   * level), when labels were requested.
   */
  public Optional<List<String>> labels() {
    if (!options.labels()) {
      return Optional.empty();
    }
    return Optional.of(
        names.stream()
            .map(name -> name.contains("/") ? name.substring(0, name.indexOf('/')) : "")
            .toList());
  }

  /** Returns the files left out by the pre-scan, with the reason. */
  public List<SkippedFile> skipped() {
    return skipped;
  }

  /** Returns how many hidden files and folders were skipped. */
  public int hiddenSkipped() {
    return hiddenSkipped;
  }

  /**
   * Returns the cache key of the images. By default it covers the folder's real path and each
   * file's relative name, size and modification time, so that two folders with identical listings
   * (copied with preserved times, say) still get separate keys. With {@code content-hash} it covers
   * the names and file contents instead, so identical copies share a key wherever they are.
   */
  @Override
  public String fingerprint() throws IOException {
    MessageDigest digest = Digests.sha256();
    digest.update(options.contentHash() ? "content\n".getBytes() : "stat\n".getBytes());
    if (!options.contentHash()) {
      Digests.update(digest, folder.toRealPath().toString());
    }
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      Digests.update(digest, names.get(i));
      if (options.contentHash()) {
        hashContent(digest, file);
      } else {
        Digests.update(digest, Files.size(file) + "/" + Files.getLastModifiedTime(file).toMillis());
      }
    }
    return Digests.hex(digest.digest());
  }

  @Override
  public SampleCursor<RgbImage> open() {
    return new DecodingCursor(names, index -> decoder.decode(files.get(index)), null);
  }

  private static void hashContent(MessageDigest digest, Path file) throws IOException {
    byte[] buffer = new byte[HASH_BUFFER];
    try (InputStream input = Files.newInputStream(file)) {
      for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
  }

  private static void requireFolder(Path folder) {
    if (!Files.exists(folder)) {
      throw new InvalidInputException(folder + ": no such folder; check the path");
    }
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(
          folder
              + ": is a file, not a folder of images; pass the folder that contains the images, or a"
              + " .zip archive of them");
    }
  }

  private static InvalidInputException noImages(ImageFiles.Scan scan, ImageSourceOptions options) {
    String found =
        scan.otherExtensions().isEmpty()
            ? "no other files"
            : scan.otherExtensions().entrySet().stream()
                .map(ImageFolderSource::describeCount)
                .collect(Collectors.joining(", "));
    return new InvalidInputException(
        scan.root()
            + ": no image files with the extensions "
            + options.extensionList()
            + " (searched recursively, case-insensitively); found "
            + found
            + (scan.hiddenSkipped() > 0 ? ", and " + scan.hiddenSkipped() + " hidden file(s)" : "")
            + ". Add images, or pass extensions=... to read other file types");
  }

  private static String describeCount(Map.Entry<String, Integer> entry) {
    String extension = entry.getKey().startsWith("(") ? entry.getKey() : "." + entry.getKey();
    return entry.getValue() + " " + extension;
  }

  private static void logLoops(ImageFiles.Scan scan) {
    for (Path loop : scan.loops()) {
      LOG.log(
          Level.WARNING, "not following {0}: the link leads back into a folder already read", loop);
    }
  }
}
