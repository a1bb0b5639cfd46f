package io.fld.audio;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.AudioClip;
import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import io.fld.audio.decode.AudioDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * A folder of audio files, searched recursively, as a sample source.
 *
 * <p>Files are read in the order of their paths relative to the folder, compared by Unicode code
 * point with {@code /} as the separator, so the order is the same on every platform. Extensions
 * match case-insensitively. Hidden files and folders (names starting with a dot) are skipped, and
 * so are macOS AppleDouble files ({@code ._name}); both are counted and logged. Files are decoded
 * by content with {@link AudioDecoder} when the cursor reaches them, and each sample is named by
 * its relative path.
 */
public final class AudioFolderSource implements SampleSource<AudioClip> {
  /** The extensions read when a caller names none. */
  public static final Set<String> DEFAULT_EXTENSIONS = Set.of("wav");

  /** Extensions of audio formats that are recognized but not decoded, for the skip warning. */
  private static final Set<String> OTHER_AUDIO_EXTENSIONS =
      Set.of("flac", "ogg", "oga", "opus", "mp3", "m4a", "aac", "aif", "aiff", "wma");

  private static final System.Logger LOG = System.getLogger(AudioFolderSource.class.getName());

  /** Files listed by name in a message or warning before the rest are only counted. */
  static final int LISTED_FILES = 20;

  private static final int HASH_BUFFER_BYTES = 1 << 16;

  private final Path folder;
  private final List<String> relativePaths;
  private final List<InvalidFile> skipped;
  private final boolean contentHash;

  private AudioFolderSource(
      Path folder, List<String> relativePaths, List<InvalidFile> skipped, boolean contentHash) {
    this.folder = folder;
    this.relativePaths = List.copyOf(relativePaths);
    this.skipped = List.copyOf(skipped);
    this.contentHash = contentHash;
  }

  /**
   * Lists the audio files under {@code folder} with the other options at their defaults.
   *
   * @param extensions extensions without the dot, such as {@code wav}; case is ignored
   * @see #open(Path, AudioFolderOptions)
   */
  public static AudioFolderSource open(Path folder, Set<String> extensions) throws IOException {
    return open(folder, new AudioFolderOptions(extensions, false, false));
  }

  /**
   * Lists the audio files under {@code folder} and checks them.
   *
   * <p>With {@code skip-invalid} off, the header and chunk layout of every file is checked, which
   * reads only a few bytes per file, and all files that fail are listed in one error. Sample values
   * are checked when the cursor decodes each file. With {@code skip-invalid} on, every file is
   * decoded once up front, in parallel, and files that fail are left out and listed in one warning.
   *
   * @throws InvalidInputException if the folder is missing, not a folder, or contains no matching
   *     file; if a file has an invalid header and {@code skip-invalid} is off; or if no file can be
   *     decoded and {@code skip-invalid} is on
   * @throws IOException if the folder cannot be listed
   */
  public static AudioFolderSource open(Path folder, AudioFolderOptions options) throws IOException {
    if (!Files.exists(folder)) {
      throw new InvalidInputException(folder + ": audio folder not found; check the path");
    }
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(
          folder + ": not a folder; give a folder of audio files or a feature file");
    }
    Listing listing = new Listing(folder, options.extensions());
    Files.walkFileTree(
        folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, listing);
    listing.report();

    if (listing.matches.isEmpty()) {
      throw new InvalidInputException(
          folder
              + ": no audio files with extension "
              + options.extensionList()
              + " found (recursively, hidden files excluded); "
              + listing.otherAudioHint());
    }
    List<String> sorted = new ArrayList<>(listing.matches);
    sorted.sort(PathOrder.CODE_POINT_ORDER);

    List<InvalidFile> invalid = InvalidFile.check(folder, sorted, options.skipInvalid());
    if (invalid.isEmpty()) {
      return new AudioFolderSource(folder, sorted, List.of(), options.contentHash());
    }
    if (!options.skipInvalid()) {
      throw InvalidFile.headerError(folder, invalid, sorted.size());
    }
    if (invalid.size() == sorted.size()) {
      throw InvalidFile.nothingLeftError(folder, invalid);
    }
    LOG.log(Level.WARNING, () -> InvalidFile.skipWarning(folder, invalid, sorted.size()));
    List<String> valid = new ArrayList<>(sorted);
    invalid.forEach(file -> valid.remove(file.name()));
    return new AudioFolderSource(folder, valid, invalid, options.contentHash());
  }

  /** Returns the relative paths of the files, in reading order. */
  public List<String> relativePaths() {
    return relativePaths;
  }

  /** Returns the files that {@code skip-invalid} left out, in reading order, with the reason. */
  public List<InvalidFile> skipped() {
    return skipped;
  }

  @Override
  public String description() {
    return folder.toString();
  }

  @Override
  public int size() {
    return relativePaths.size();
  }

  @Override
  public Class<AudioClip> sampleType() {
    return AudioClip.class;
  }

  /**
   * Returns the SHA-256 of the folder's real path (symbolic links resolved) and, for every file,
   * its relative path and either its size and modification time in milliseconds or, with {@code
   * content-hash}, its content. Everything is read now, so a file changed after listing changes the
   * fingerprint. The real path keeps two folders with files of equal names, sizes and times from
   * sharing a cache entry.
   */
  @Override
  public String fingerprint() throws IOException {
    MessageDigest digest = Checksums.sha256();
    update(digest, folder.toRealPath().toString() + '\n');
    update(digest, contentHash ? "content\n" : "stat\n");
    for (String relative : relativePaths) {
      Path file = folder.resolve(relative);
      if (contentHash) {
        update(digest, relative + '\n');
        hashContent(digest, file);
      } else {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        update(
            digest,
            relative
                + '\t'
                + attributes.size()
                + '\t'
                + attributes.lastModifiedTime().toMillis()
                + '\n');
      }
    }
    return "sha256:" + Checksums.hex(digest);
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Hashes the length and then the bytes, so that a file's end cannot pass for the next name. */
  private static void hashContent(MessageDigest digest, Path file) throws IOException {
    update(digest, Files.size(file) + "\n");
    byte[] buffer = new byte[HASH_BUFFER_BYTES];
    try (InputStream input = Files.newInputStream(file)) {
      for (int read = input.read(buffer); read >= 0; read = input.read(buffer)) {
        digest.update(buffer, 0, read);
      }
    }
  }

  @Override
  public SampleCursor<AudioClip> open() {
    return new ListCursor<>(relativePaths.size(), this::decode, relativePaths::get);
  }

  private Sample<AudioClip> decode(int index) throws IOException {
    String relative = relativePaths.get(index);
    Path file = folder.resolve(relative);
    AudioClip clip = AudioDecoder.decode(file, file.toString());
    if (VggishExtractor.isShort(clip)) {
      LOG.log(Level.WARNING, () -> VggishExtractor.shortFileWarning(file, clip.seconds()));
    }
    return new Sample<>(relative, clip);
  }

  /** Returns the lower-case extension of a file name, or "" when it has none. */
  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** Collects matching files and counts what was skipped. */
  private static final class Listing extends SimpleFileVisitor<Path> {
    private final Path root;
    private final Set<String> extensions;
    private final List<String> matches = new ArrayList<>();
    private final TreeMap<String, Integer> otherAudio = new TreeMap<>();
    private int hidden;
    private int appleDouble;

    Listing(Path root, Set<String> extensions) {
      this.root = root;
      this.extensions = extensions;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
      if (!dir.equals(root) && isHidden(dir)) {
        hidden++;
        return FileVisitResult.SKIP_SUBTREE;
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
      String name = file.getFileName().toString();
      if (name.startsWith("._")) {
        appleDouble++;
      } else if (isHidden(file)) {
        hidden++;
      } else if (attributes.isRegularFile()) {
        classify(file, extension(name));
      }
      return FileVisitResult.CONTINUE;
    }

    private void classify(Path file, String extension) {
      if (extensions.contains(extension)) {
        matches.add(relative(file));
      } else if (OTHER_AUDIO_EXTENSIONS.contains(extension)) {
        otherAudio.merge(extension, 1, Integer::sum);
      }
    }

    private String relative(Path file) {
      Path relative = root.relativize(file);
      List<String> parts = new ArrayList<>();
      relative.forEach(part -> parts.add(part.toString()));
      return String.join("/", parts);
    }

    private static boolean isHidden(Path path) {
      return path.getFileName().toString().startsWith(".");
    }

    void report() {
      if (hidden > 0 || appleDouble > 0) {
        LOG.log(
            Level.INFO,
            "{0}: skipped {1} hidden files or folders and {2} AppleDouble (._*) files",
            root,
            hidden,
            appleDouble);
      }
      if (!otherAudio.isEmpty()) {
        LOG.log(Level.WARNING, "{0}: {1}", root, otherAudioHint());
      }
    }

    String otherAudioHint() {
      if (otherAudio.isEmpty()) {
        return "add audio files or pass the extensions to read";
      }
      return "skipped files of formats that are not decoded "
          + otherAudio
          + "; convert them to WAV, for example with 'ffmpeg -i IN -c:a pcm_s16le OUT.wav'";
    }
  }
}
