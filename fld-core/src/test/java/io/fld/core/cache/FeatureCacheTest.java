package io.fld.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips, damage detection, format versions and resumption of the feature cache. */
class FeatureCacheTest {

  private static final int DIMENSION = 5;
  private static final FeatureProvenance PROVENANCE =
      new FeatureProvenance("/data/train", "dinov2", "abc123", "dinov2/pil-bicubic/v1");
  private static final CacheKey KEY =
      new CacheKey("dinov2", "abc123", "dinov2/pil-bicubic/v1", "fingerprint-1", Optional.empty());

  @TempDir Path folder;

  @Test
  void storedFeaturesComeBackExactlyWithTheirProvenance() throws IOException {
    FeatureCache cache = FeatureCache.open(folder.resolve("cache"));
    FeatureSet features = randomFeatures(7, 1);

    cache.store(KEY, features);
    FeatureSet loaded = cache.load(KEY).orElseThrow();

    assertEquals(features, loaded);
    assertEquals(PROVENANCE, loaded.provenance());
    assertTrue(Files.list(cache.directory()).allMatch(file -> file.toString().endsWith(".fldc")));
  }

  @Test
  void largeEntryStreamsThroughSeveralBuffers() throws IOException {
    FeatureCache cache = FeatureCache.open(folder);
    FeatureSet features = randomFeatures(40_000, 8);

    cache.store(KEY, features);

    assertEquals(features, cache.load(KEY).orElseThrow());
  }

  @Test
  void everyKeyPartSelectsADifferentEntry() throws IOException {
    FeatureCache cache = FeatureCache.open(folder);
    cache.store(KEY, randomFeatures(3, 1));

    CacheKey[] others = {
      new CacheKey("clip", "abc123", "dinov2/pil-bicubic/v1", "fingerprint-1", Optional.empty()),
      new CacheKey("dinov2", "abc124", "dinov2/pil-bicubic/v1", "fingerprint-1", Optional.empty()),
      new CacheKey("dinov2", "abc123", "dinov2/pil-bicubic/v2", "fingerprint-1", Optional.empty()),
      new CacheKey("dinov2", "abc123", "dinov2/pil-bicubic/v1", "fingerprint-2", Optional.empty()),
      new CacheKey(
          "dinov2", "abc123", "dinov2/pil-bicubic/v1", "fingerprint-1", Optional.of("cifar train")),
    };
    for (CacheKey other : others) {
      assertTrue(cache.load(other).isEmpty(), other.toString());
      assertNotEquals(KEY.fileStem(), other.fileStem());
    }
    assertTrue(others[4].fileStem().startsWith("cifar_train-dinov2-"));
  }

  @Test
  void truncatedEntryIsDetectedDeletedAndNeverReturned() throws IOException {
    FeatureCache cache = FeatureCache.open(folder);
    cache.store(KEY, randomFeatures(10, 2));
    Path entry = cache.entryPath(KEY);
    byte[] whole = Files.readAllBytes(entry);
    Files.write(entry, Arrays.copyOf(whole, whole.length - 9));

    CacheFormatException error =
        assertThrows(CacheFormatException.class, () -> CacheFile.read(entry, KEY.canonical()));
    assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    assertTrue(cache.load(KEY).isEmpty());
    assertFalse(Files.exists(entry));
  }

  @Test
  void flippedPayloadByteIsDetectedByTheChecksum() throws IOException {
    FeatureCache cache = FeatureCache.open(folder);
    cache.store(KEY, randomFeatures(10, 3));
    Path entry = cache.entryPath(KEY);
    byte[] bytes = Files.readAllBytes(entry);
    bytes[bytes.length - 40] ^= 0x10;
    Files.write(entry, bytes);

    CacheFormatException error =
        assertThrows(CacheFormatException.class, () -> CacheFile.read(entry, KEY.canonical()));
    assertTrue(error.getMessage().contains("CRC32"), error.getMessage());
    assertTrue(cache.load(KEY).isEmpty());
  }

  @Test
  void otherVersionsRejectedWithRange() throws IOException {
    FeatureCache cache = FeatureCache.open(folder);
    cache.store(KEY, randomFeatures(2, 4));
    Path entry = cache.entryPath(KEY);
    byte[] bytes = Files.readAllBytes(entry);
    ByteBuffer.wrap(bytes).putInt(8, CacheFile.FORMAT_VERSION + 1);
    Files.write(entry, bytes);

    CacheFormatException newer =
        assertThrows(CacheFormatException.class, () -> CacheFile.read(entry, KEY.canonical()));
    ByteBuffer.wrap(bytes).putInt(8, 0);
    Files.write(entry, bytes);
    CacheFormatException older =
        assertThrows(CacheFormatException.class, () -> CacheFile.read(entry, KEY.canonical()));

    assertTrue(newer.getMessage().contains("version 2 is newer"), newer.getMessage());
    assertTrue(newer.getMessage().contains("(1 to 1)"), newer.getMessage());
    assertTrue(older.getMessage().contains("version 0 is older"), older.getMessage());
    assertTrue(cache.load(KEY).isEmpty());
  }

  @Test
  void entryRenamedToAnotherKeyIsNotReturned() throws IOException {
    FeatureCache cache = FeatureCache.open(folder);
    CacheKey other =
        new CacheKey(
            "dinov2", "abc123", "dinov2/pil-bicubic/v1", "fingerprint-9", Optional.empty());
    cache.store(other, randomFeatures(2, 5));
    Files.move(cache.entryPath(other), cache.entryPath(KEY));

    assertTrue(cache.load(KEY).isEmpty());
  }

  @Test
  void interruptedExtractionResumesFromFinishedChunks() throws IOException {
    FeatureCache cache = FeatureCache.open(folder);
    FeatureSet all = randomFeatures(10, 6);
    cache.storeChunk(KEY, 0, all.select(new int[] {0, 1, 2, 3}));
    cache.storeChunk(KEY, 1, all.select(new int[] {4, 5, 6, 7}));

    FeatureCache reopened = FeatureCache.open(folder);
    int firstMissing = 0;
    while (reopened.loadChunk(KEY, firstMissing).isPresent()) {
      firstMissing++;
    }
    assertEquals(2, firstMissing);
    reopened.storeChunk(KEY, 2, all.select(new int[] {8, 9}));
    FeatureSet assembled = reopened.assemble(KEY, 3, PROVENANCE);

    assertEquals(all, assembled);
    assertEquals(all, reopened.load(KEY).orElseThrow());
    assertTrue(Files.list(folder).noneMatch(path -> path.toString().endsWith(".parts")));
  }

  @Test
  void chunksOfAChangedInputAreDeleted() throws IOException {
    FeatureCache cache = FeatureCache.open(folder);
    FeatureSet rows = randomFeatures(2, 8);
    CacheKey changed =
        new CacheKey(
            "dinov2", "abc123", "dinov2/pil-bicubic/v1", "fingerprint-2", Optional.empty());
    CacheKey otherModel =
        new CacheKey(
            "dinov2", "def456", "dinov2/pil-bicubic/v1", "fingerprint-1", Optional.empty());
    cache.startChunks(KEY, "/data/train");
    cache.storeChunk(KEY, 0, rows);
    cache.startChunks(otherModel, "/data/train");
    cache.storeChunk(otherModel, 0, rows);
    age(folder.resolve(KEY.fileStem() + ".parts"));
    age(folder.resolve(otherModel.fileStem() + ".parts"));

    cache.startChunks(changed, "/data/train");

    assertTrue(cache.loadChunk(KEY, 0).isEmpty());
    assertTrue(cache.loadChunk(otherModel, 0).isPresent());
  }

  @Test
  void chunksOfALiveExtractionAreKept() throws IOException {
    FeatureCache cache = FeatureCache.open(folder);
    FeatureSet rows = randomFeatures(2, 10);
    CacheKey changed =
        new CacheKey(
            "dinov2", "abc123", "dinov2/pil-bicubic/v1", "fingerprint-2", Optional.empty());
    cache.startChunks(KEY, "/data/train");
    cache.storeChunk(KEY, 0, rows);

    cache.startChunks(changed, "/data/train");

    assertTrue(cache.loadChunk(KEY, 0).isPresent());
  }

  /** Dates {@code chunkFolder} back beyond the age of a live extraction's chunks. */
  private static void age(Path chunkFolder) throws IOException {
    Instant old = Instant.now().minus(FeatureCache.LIVE_CHUNK_AGE).minusSeconds(60);
    Files.setLastModifiedTime(chunkFolder, FileTime.from(old));
  }

  @Test
  void restartKeepsTheChunksOfTheSameInput() throws IOException {
    FeatureCache cache = FeatureCache.open(folder);
    FeatureSet rows = randomFeatures(2, 9);
    cache.startChunks(KEY, "/data/train");
    cache.storeChunk(KEY, 0, rows);

    cache.startChunks(KEY, "/data/train");

    assertEquals(rows, cache.loadChunk(KEY, 0).orElseThrow());
  }

  @Test
  void damagedChunkIsRecomputedNotAssembled() throws IOException {
    FeatureCache cache = FeatureCache.open(folder);
    FeatureSet all = randomFeatures(4, 7);
    cache.storeChunk(KEY, 0, all.select(new int[] {0, 1}));
    cache.storeChunk(KEY, 1, all.select(new int[] {2, 3}));
    Path chunk = folder.resolve(KEY.fileStem() + ".parts").resolve("chunk-00000001.fldc");
    Files.write(chunk, new byte[] {1, 2, 3});

    assertTrue(cache.loadChunk(KEY, 1).isEmpty());
    assertThrows(IllegalStateException.class, () -> cache.assemble(KEY, 2, PROVENANCE));
  }

  @Test
  void cacheFolderThatIsAFileIsRejected() throws IOException {
    Path file = Files.writeString(folder.resolve("cache"), "x");

    assertThrows(io.fld.api.InvalidInputException.class, () -> FeatureCache.open(file));
  }

  private static FeatureSet randomFeatures(int rows, long seed) {
    Random random = new Random(seed);
    float[] values = new float[rows * DIMENSION];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian() * 100;
    }
    return FeatureSet.wrap(values, rows, DIMENSION, PROVENANCE);
  }
}
