package io.fld.core.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.core.inject.FldConfig;
import io.fld.core.plugin.LoadedPlugin;
import io.fld.core.plugin.PluginOrigin;
import io.fld.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction through the feature cache, with a counting extractor and a real cache folder. */
class CachedExtractionTest {
  private static final int BATCH = 100;
  private static final int FINISHED_CHUNKS = 2;
  private static final int LEFT_OVER = 500;
  private static final int ROWS = FINISHED_CHUNKS * DefaultFeatureExtraction.CHUNK_ROWS + LEFT_OVER;
  private static final long ONE_MINUTE_MILLIS = 60_000;

  @TempDir Path work;

  private final RowsPlugin plugin = new RowsPlugin();
  private ExecutorService executor;
  private DefaultFeatureExtraction extraction;
  private Path cache;
  private Path input;

  @BeforeEach
  void setUp() throws IOException {
    executor = Executors.newFixedThreadPool(2);
    PluginOrigin origin = new PluginOrigin("rows", "RowsPlugin", "test", "class path");
    PluginRegistry registry = PluginRegistry.of(List.of(new LoadedPlugin(plugin, origin)));
    FldConfig config =
        new FldConfig(work, work.resolve("features"), work.resolve("models"), List.of(), 0);
    extraction = new DefaultFeatureExtraction(registry, executor, config);
    cache = work.resolve("cache");
    input = Files.write(work.resolve("input.rows"), counting(ROWS));
  }

  @AfterEach
  void tearDown() {
    executor.shutdownNow();
  }

  private static List<String> counting(int rows) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      lines.add(i + " " + (i / 7.0));
    }
    return lines;
  }

  private ExtractionRequest request(Optional<Path> cacheDirectory, Optional<String> name) {
    return new ExtractionRequest(
        "doubler", Optional.empty(), cacheDirectory, name, BATCH, 0, "cpu", false, Map.of());
  }

  private ExtractedFeatures cached() throws IOException {
    return extraction.extractNamed(input, request(Optional.of(cache), Optional.empty()));
  }

  private ExtractedFeatures uncached() throws IOException {
    return extraction.extractNamed(input, request(Optional.empty(), Optional.empty()));
  }

  private List<Path> cacheFiles(String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(cache)) {
      return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static void assertSameFeatures(ExtractedFeatures expected, ExtractedFeatures actual) {
    assertEquals(expected.features().rows(), actual.features().rows());
    assertEquals(expected.features().dimension(), actual.features().dimension());
    assertArrayEquals(expected.features().toArray(), actual.features().toArray());
    assertEquals(expected.sampleNames(), actual.sampleNames());
  }

  @Test
  void secondCallLoadsWithoutInference() throws IOException {
    ExtractedFeatures first = cached();
    int extractedOnce = plugin.rowsExtracted.get();

    ExtractedFeatures second = cached();

    assertEquals(ROWS, extractedOnce);
    assertEquals(ROWS, plugin.rowsExtracted.get());
    assertSameFeatures(first, second);
    assertEquals("doubler", second.features().provenance().extractorId());
    assertEquals(1, cacheFiles(".fldc").size());
    assertEquals(1, cacheFiles(".names").size());
  }

  @Test
  void cachedFeaturesEqualUncachedBitwise() throws IOException {
    ExtractedFeatures plain = uncached();

    cached();
    ExtractedFeatures loaded = cached();

    assertSameFeatures(plain, loaded);
    assertEquals(2.0f * (ROWS - 1) / 7.0f, loaded.features().get(ROWS - 1, 1), 1e-3f);
  }

  @Test
  void changedSizeMisses() throws IOException {
    cached();
    List<String> longer = counting(ROWS + 1);
    Files.write(input, longer);

    ExtractedFeatures changed = cached();

    assertEquals(ROWS + ROWS + 1, plugin.rowsExtracted.get());
    assertEquals(ROWS + 1, changed.features().rows());
  }

  @Test
  void changedModificationTimeMisses() throws IOException {
    cached();
    FileTime before = Files.getLastModifiedTime(input);
    Files.setLastModifiedTime(input, FileTime.fromMillis(before.toMillis() + ONE_MINUTE_MILLIS));

    cached();

    assertEquals(2 * ROWS, plugin.rowsExtracted.get());
  }

  @Test
  void otherCacheNameMisses() throws IOException {
    extraction.extractNamed(input, request(Optional.of(cache), Optional.of("first")));
    extraction.extractNamed(input, request(Optional.of(cache), Optional.of("second")));
    extraction.extractNamed(input, request(Optional.of(cache), Optional.of("first")));

    assertEquals(2 * ROWS, plugin.rowsExtracted.get());
    assertEquals(2, cacheFiles(".fldc").size());
  }

  @Test
  void withoutCacheFolderNothingIsWritten() throws IOException {
    uncached();
    uncached();

    assertEquals(2 * ROWS, plugin.rowsExtracted.get());
    assertFalse(Files.exists(cache));
    assertFalse(Files.exists(work.resolve("features")));
  }

  @Test
  void interruptedExtractionResumesAfterFinishedChunks() throws IOException {
    ExtractedFeatures plain = uncached();
    plugin.rowsExtracted.set(0);
    plugin.batchesExtracted.set(0);
    int failingBatch = (FINISHED_CHUNKS * DefaultFeatureExtraction.CHUNK_ROWS + BATCH) / BATCH;
    plugin.failAfterBatches.set(failingBatch);

    IOException failure = assertThrows(IOException.class, this::cached);

    assertEquals("the model failed after " + failingBatch + " batches", failure.getMessage());
    assertEquals(FINISHED_CHUNKS, cacheFiles(".fldc").size());
    assertTrue(cacheFiles(".fldc").get(0).getParent().toString().endsWith(".parts"));

    plugin.failAfterBatches.set(Integer.MAX_VALUE);
    plugin.rowsExtracted.set(0);
    ExtractedFeatures resumed = cached();

    assertEquals(LEFT_OVER, plugin.rowsExtracted.get());
    assertSameFeatures(plain, resumed);
    assertEquals(1, cacheFiles(".fldc").size());
    assertEquals(0, cacheFiles(".parts").size());
  }

  @Test
  void truncatedChunkIsExtractedAgain() throws IOException {
    plugin.failAfterBatches.set(
        (FINISHED_CHUNKS * DefaultFeatureExtraction.CHUNK_ROWS + BATCH) / BATCH);
    assertThrows(IOException.class, this::cached);
    assertEquals(FINISHED_CHUNKS, cacheFiles(".fldc").size());
    Path secondChunk = cacheFiles(".fldc").get(1);
    truncate(secondChunk);

    plugin.failAfterBatches.set(Integer.MAX_VALUE);
    plugin.rowsExtracted.set(0);
    ExtractedFeatures resumed = cached();

    assertEquals(ROWS - DefaultFeatureExtraction.CHUNK_ROWS, plugin.rowsExtracted.get());
    assertSameFeatures(uncached(), resumed);
  }

  @Test
  void truncatedEntryIsRecomputed() throws IOException {
    ExtractedFeatures first = cached();
    truncate(cacheFiles(".fldc").get(0));

    ExtractedFeatures second = cached();
    ExtractedFeatures third = cached();

    assertEquals(2 * ROWS, plugin.rowsExtracted.get());
    assertSameFeatures(first, second);
    assertSameFeatures(first, third);
  }

  @Test
  void truncatedNamesAreRecomputed() throws IOException {
    ExtractedFeatures first = cached();
    truncate(cacheFiles(".names").get(0));

    ExtractedFeatures second = cached();

    assertEquals(2 * ROWS, plugin.rowsExtracted.get());
    assertSameFeatures(first, second);
  }

  private static void truncate(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
  }
}
