package io.fld.core.cache;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A folder of cached feature matrices, one file per {@link CacheKey}, plus the finished chunks of
 * extractions still in progress.
 *
 * <p>Every file is written atomically (a temporary file, then a rename) and checked on read (format
 * version, length, CRC32 and key), so a corrupt, truncated or foreign entry is reported as absent,
 * logged and deleted, and the caller recomputes it. An extraction stores each finished run of rows
 * as a chunk with {@link #storeChunk}; after an interruption, {@link #loadChunk} returns the chunks
 * already done, and {@link #assemble} joins them into the final entry.
 *
 * <p>Instances are safe to share between threads; separate processes may share a folder, since
 * entries only ever appear whole.
 */
public final class FeatureCache {

  private static final System.Logger LOG = System.getLogger(FeatureCache.class.getName());
  private static final String ENTRY_SUFFIX = ".fldc";
  private static final String NAMES_SUFFIX = ".names";
  private static final String CHUNK_FOLDER_SUFFIX = ".parts";
  private static final String CHUNK_PREFIX = "chunk-";
  private static final String CHUNK_NAME_FORMAT = CHUNK_PREFIX + "%08d" + ENTRY_SUFFIX;
  private static final String ORIGIN_FILE = "origin";

  /**
   * How long after its last chunk a chunk folder of another key may belong to a live extraction,
   * and is kept. A chunk of 1024 samples takes under a minute on most machines, an estimate for
   * DINOv2 on a CPU.
   */
  static final Duration LIVE_CHUNK_AGE = Duration.ofMinutes(10);

  private final Path directory;

  private FeatureCache(Path directory) {
    this.directory = directory;
  }

  /**
   * Opens the cache in {@code directory}, creating the folder if needed.
   *
   * @throws IOException if the folder cannot be created, or {@code directory} is a file
   */
  public static FeatureCache open(Path directory) throws IOException {
    requireUsableFolder(directory);
    Files.createDirectories(directory);
    return new FeatureCache(directory);
  }

  /**
   * Checks that {@code directory} is a folder or can be created as one: neither it nor a parent is
   * a file.
   *
   * @throws io.fld.api.InvalidInputException naming the file in the way
   */
  public static void requireUsableFolder(Path directory) {
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new io.fld.api.InvalidInputException(
          directory + ": is a file, not a cache folder; pass a folder for the feature cache");
    }
    for (Path parent = directory.toAbsolutePath().getParent();
        parent != null;
        parent = parent.getParent()) {
      if (Files.exists(parent) && !Files.isDirectory(parent)) {
        throw new io.fld.api.InvalidInputException(
            directory
                + ": cannot be created as the feature cache folder because "
                + parent
                + " is a file; pass a folder for the feature cache");
      }
    }
  }

  /** Returns the cache folder. */
  public Path directory() {
    return directory;
  }

  /** Returns the file that contains the entry of {@code key}. */
  public Path entryPath(CacheKey key) {
    return directory.resolve(key.fileStem() + ENTRY_SUFFIX);
  }

  /**
   * Returns the cached features of {@code key}, or empty when there are none or the entry is
   * unusable (which is logged, and the entry deleted).
   */
  public Optional<FeatureSet> load(CacheKey key) throws IOException {
    return readOrDiscard(entryPath(key), key.canonical());
  }

  /** Stores {@code features} as the entry of {@code key}, replacing any previous one. */
  public void store(CacheKey key, FeatureSet features) throws IOException {
    CacheFile.write(entryPath(key), key.canonical(), features);
  }

  /**
   * Stores the sample names of the entry of {@code key}, one per row, in a file beside it. Store
   * them before the entry, so that an entry never appears without its names.
   */
  public void storeNames(CacheKey key, List<String> names) throws IOException {
    NamesFile.write(namesPath(key), key.canonical(), names);
  }

  /**
   * Returns the sample names stored beside the entry of {@code key}, or empty when there are none
   * or the file is unusable (which is logged, and the file deleted).
   */
  public Optional<List<String>> loadNames(CacheKey key) throws IOException {
    Path file = namesPath(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(NamesFile.read(file, key.canonical()));
    } catch (CacheFormatException e) {
      LOG.log(Level.WARNING, "{0}; deleting it and computing the features again", e.getMessage());
      Files.deleteIfExists(file);
      return Optional.empty();
    }
  }

  /** Returns the file that contains the sample names of the entry of {@code key}. */
  public Path namesPath(CacheKey key) {
    return directory.resolve(key.fileStem() + NAMES_SUFFIX);
  }

  /**
   * Records that the chunks of {@code key} come from extracting {@code input}, and deletes the
   * chunks that an interrupted extraction of the same input, with the same extractor, model,
   * preprocessing and name, left under another key. Such a key differs only in the input's
   * fingerprint, so the input has changed since and those chunks can never be resumed. A folder
   * written within {@link #LIVE_CHUNK_AGE} is kept, because another process may still be extracting
   * into it. Call it before storing the first chunk of an extraction.
   */
  public void startChunks(CacheKey key, String input) throws IOException {
    String origin = origin(key, input);
    Path current = chunkFolder(key);
    List<Path> stale = new ArrayList<>();
    try (DirectoryStream<Path> folders =
        Files.newDirectoryStream(directory, "*" + CHUNK_FOLDER_SUFFIX)) {
      for (Path folder : folders) {
        if (!folder.equals(current)
            && origin.equals(readOrigin(folder))
            && !recentlyWritten(folder)) {
          stale.add(folder);
        }
      }
    }
    for (Path folder : stale) {
      LOG.log(
          Level.INFO,
          "deleting {0}: the chunks of an interrupted extraction of {1}, which has changed since",
          folder,
          input);
      deleteChunkFolder(folder);
    }
    Files.createDirectories(current);
    Path file = current.resolve(ORIGIN_FILE);
    Path temporary = Files.createTempFile(current, ORIGIN_FILE, ".tmp");
    try {
      Files.writeString(temporary, origin, StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Stores finished chunk {@code index} of an extraction in progress. Chunks hold consecutive rows;
   * chunk {@code i} starts at row {@code i * chunkRows} for the caller's fixed chunk size.
   */
  public void storeChunk(CacheKey key, int index, FeatureSet rows) throws IOException {
    Path folder = chunkFolder(key);
    Files.createDirectories(folder);
    CacheFile.write(chunkPath(key, index), chunkKey(key, index), rows);
  }

  /** Returns finished chunk {@code index}, or empty when it is missing or unusable. */
  public Optional<FeatureSet> loadChunk(CacheKey key, int index) throws IOException {
    return readOrDiscard(chunkPath(key, index), chunkKey(key, index));
  }

  /**
   * Joins chunks {@code 0 .. chunkCount - 1} into the entry of {@code key}, stores it and deletes
   * the chunks.
   *
   * @throws IllegalStateException if a chunk is missing or unusable; the caller recomputes it first
   */
  public FeatureSet assemble(CacheKey key, int chunkCount, FeatureProvenance provenance)
      throws IOException {
    FeatureSet[] chunks = new FeatureSet[chunkCount];
    int rows = 0;
    for (int i = 0; i < chunkCount; i++) {
      int index = i;
      chunks[i] =
          loadChunk(key, i)
              .orElseThrow(() -> new IllegalStateException("chunk " + index + " is not finished"));
      rows += chunks[i].rows();
    }
    int dimension = chunks[0].dimension();
    float[] values = new float[rows * dimension];
    int offset = 0;
    for (FeatureSet chunk : chunks) {
      if (chunk.dimension() != dimension) {
        throw new IllegalStateException(
            "chunks have dimensions " + dimension + " and " + chunk.dimension());
      }
      for (int row = 0; row < chunk.rows(); row++, offset += dimension) {
        chunk.copyRow(row, values, offset);
      }
    }
    FeatureSet features = FeatureSet.wrap(values, rows, dimension, provenance);
    store(key, features);
    discardChunks(key);
    return features;
  }

  /** Deletes the chunks of {@code key}, if any. */
  public void discardChunks(CacheKey key) throws IOException {
    deleteChunkFolder(chunkFolder(key));
  }

  private static void deleteChunkFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(folder);
  }

  private Optional<FeatureSet> readOrDiscard(Path file, String canonicalKey) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(CacheFile.read(file, canonicalKey));
    } catch (CacheFormatException e) {
      LOG.log(Level.WARNING, "{0}; deleting it and computing the features again", e.getMessage());
      Files.deleteIfExists(file);
      return Optional.empty();
    }
  }

  /**
   * Returns whether a chunk was added to {@code folder} within {@link #LIVE_CHUNK_AGE}, as when
   * another process is still extracting into it.
   */
  private static boolean recentlyWritten(Path folder) {
    try {
      Instant written = Files.getLastModifiedTime(folder).toInstant();
      return written.isAfter(Instant.now().minus(LIVE_CHUNK_AGE));
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns the fields of {@code key} other than the input fingerprint, plus the input's path. */
  private static String origin(CacheKey key, String input) {
    return String.join(
        "\n",
        "extractor=" + key.extractorId(),
        "model=" + key.modelChecksum(),
        "preprocessing=" + key.preprocessing(),
        "name=" + key.name().orElse(""),
        "source=" + input);
  }

  /** Returns the origin recorded in a chunk folder, or an empty string if none can be read. */
  private static String readOrigin(Path folder) {
    try {
      return Files.readString(folder.resolve(ORIGIN_FILE), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private Path chunkFolder(CacheKey key) {
    return directory.resolve(key.fileStem() + CHUNK_FOLDER_SUFFIX);
  }

  private Path chunkPath(CacheKey key, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("chunk index must not be negative, got " + index);
    }
    return chunkFolder(key).resolve(String.format(Locale.ROOT, CHUNK_NAME_FORMAT, index));
  }

  private static String chunkKey(CacheKey key, int index) {
    return key.canonical() + "\nchunk=" + index;
  }
}
