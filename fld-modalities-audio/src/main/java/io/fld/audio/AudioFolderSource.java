package io.fld.audio;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.AudioClip;
import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import io.fld.audio.decode.AudioDecoder;
import io.fld.audio.dsp.VggishFrontEnd;
import java.io.IOException;
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

  private final Path folder;
  private final List<String> relativePaths;

  private AudioFolderSource(Path folder, List<String> relativePaths) {
    this.folder = folder;
    this.relativePaths = List.copyOf(relativePaths);
  }

  /**
   * Lists the audio files under {@code folder}.
   *
   * @param extensions lower-case extensions without the dot, such as {@code wav}
   * @throws InvalidInputException if the folder is missing, not a folder, or contains no matching
   *     file
   * @throws IOException if the folder cannot be listed
   */
  public static AudioFolderSource open(Path folder, Set<String> extensions) throws IOException {
    if (!Files.exists(folder)) {
      throw new InvalidInputException(folder + ": audio folder not found; check the path");
    }
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(
          folder + ": not a folder; give a folder of audio files or a feature file");
    }
    Listing listing = new Listing(folder, normalized(extensions));
    Files.walkFileTree(
        folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, listing);
    listing.report();

    if (listing.matches.isEmpty()) {
      throw new InvalidInputException(
          folder
              + ": no audio files with extension "
              + String.join(", ", new java.util.TreeSet<>(listing.extensions))
              + " found (recursively, hidden files excluded); "
              + listing.otherAudioHint());
    }
    List<String> sorted = new ArrayList<>(listing.matches);
    sorted.sort(PathOrder.CODE_POINT_ORDER);
    return new AudioFolderSource(folder, sorted);
  }

  /** Returns the relative paths of the files, in reading order. */
  public List<String> relativePaths() {
    return relativePaths;
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
   * Returns the SHA-256 of every file's relative path, size in bytes and modification time in
   * milliseconds, read now, so that a file changed after listing changes the fingerprint.
   */
  @Override
  public String fingerprint() throws IOException {
    MessageDigest digest = Checksums.sha256();
    for (String relative : relativePaths) {
      BasicFileAttributes attributes =
          Files.readAttributes(folder.resolve(relative), BasicFileAttributes.class);
      String line =
          relative
              + '\t'
              + attributes.size()
              + '\t'
              + attributes.lastModifiedTime().toMillis()
              + '\n';
      digest.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return "sha256:" + Checksums.hex(digest);
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
      LOG.log(
          Level.WARNING,
          () ->
              String.format(
                  Locale.ROOT,
                  "%s lasts %.3f s, shorter than one %.3f s VGGish example; the vggish extractor"
                      + " zero-pads it, so give clips of at least that length for faithful"
                      + " features",
                  file,
                  clip.seconds(),
                  VggishFrontEnd.MIN_PATCH_SAMPLES / (double) VggishFrontEnd.SAMPLE_RATE));
    }
    return new Sample<>(relative, clip);
  }

  private static Set<String> normalized(Set<String> extensions) {
    if (extensions.isEmpty()) {
      throw new InvalidInputException("no audio file extensions given; use for example 'wav'");
    }
    Set<String> lower = new java.util.TreeSet<>();
    for (String extension : extensions) {
      String trimmed = extension.strip().toLowerCase(Locale.ROOT);
      lower.add(trimmed.startsWith(".") ? trimmed.substring(1) : trimmed);
    }
    return lower;
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
