package io.fld.core.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.core.inject.FldConfig;
import io.fld.core.plugin.LoadedPlugin;
import io.fld.core.plugin.PluginOrigin;
import io.fld.core.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultFeatureExtractionTest {
  private static final int ROWS = 103;

  @TempDir Path work;

  private final RowsPlugin plugin = new RowsPlugin();
  private ExecutorService executor;
  private DefaultFeatureExtraction extraction;

  @BeforeEach
  void setUp() {
    executor = Executors.newFixedThreadPool(2);
    PluginOrigin origin = new PluginOrigin("rows", "RowsPlugin", "test", "class path");
    PluginRegistry registry = PluginRegistry.of(List.of(new LoadedPlugin(plugin, origin)));
    FldConfig config =
        new FldConfig(work, work.resolve("features"), work.resolve("models"), List.of(), 0);
    extraction = new DefaultFeatureExtraction(registry, executor, config);
  }

  @AfterEach
  void tearDown() {
    executor.shutdownNow();
  }

  private static ExtractionRequest request(String extractor, int batchSize) {
    return new ExtractionRequest(
        extractor,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        batchSize,
        0,
        "cpu",
        false,
        Map.of());
  }

  private Path rowsFile(List<String> lines) throws IOException {
    return Files.write(work.resolve("input.rows"), lines);
  }

  private static List<String> counting(int rows) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      lines.add(i + " " + (i + 0.5));
    }
    return lines;
  }

  @Test
  void rowsInSourceOrder() throws IOException {
    Path input = rowsFile(counting(ROWS));

    ExtractedFeatures result = extraction.extractNamed(input, request("doubler", 10));

    FeatureSet features = result.features();
    assertEquals(ROWS, features.rows());
    assertEquals(2, features.dimension());
    for (int i = 0; i < ROWS; i++) {
      assertEquals(2f * i, features.get(i, 0), "row " + i);
      assertEquals(2f * i + 1, features.get(i, 1), "row " + i);
      assertEquals("line-" + i, result.sampleNames().get(i));
    }
    assertEquals(1, plugin.closes.get(), "extractor closed once");
  }

  @Test
  void provenanceFromExtractor() throws IOException {
    Path input = rowsFile(counting(3));

    FeatureSet features = extraction.extract(input, request("doubler", 2));

    assertEquals(input.toString(), features.provenance().source());
    assertEquals("doubler", features.provenance().extractorId());
    assertEquals("none", features.provenance().modelChecksum());
    assertEquals("double/v1", features.provenance().preprocessing());
  }

  @Test
  void batchSizeDoesNotChangeRows() throws IOException {
    Path input = rowsFile(counting(ROWS));

    FeatureSet single = extraction.extract(input, request("doubler", 1));
    FeatureSet many = extraction.extract(input, request("doubler", 64));

    assertEquals(single, many);
  }

  @Test
  void decodingRunsAheadBoundedOnWorker() throws IOException {
    Path input = rowsFile(counting(ROWS));

    extraction.extract(input, request("doubler", 1));

    assertTrue(
        plugin.maxAhead.get() <= BatchPipeline.BATCHES_AHEAD + 2,
        "decoded " + plugin.maxAhead.get() + " batches ahead");
    String caller = Thread.currentThread().getName();
    assertFalse(plugin.readerThreads.contains(caller), "decoding ran on the calling thread");
  }

  @Test
  void unknownExtractorListsAvailable() throws IOException {
    Path input = rowsFile(counting(3));

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> extraction.extract(input, request("dinov2", 4)));

    assertTrue(
        error.getMessage().contains("no extractor named 'dinov2'; available extractors: doubler"),
        error.getMessage());
  }

  @Test
  void noSourceListsAvailable() throws IOException {
    Path input = Files.writeString(work.resolve("input.txt"), "1 2\n");

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> extraction.extract(input, request("doubler", 4)));

    assertTrue(
        error.getMessage().contains("no sample source accepts " + input), error.getMessage());
    assertTrue(error.getMessage().contains("rows-file"), error.getMessage());
  }

  @Test
  void missingInputNamed() {
    Path input = work.resolve("absent.rows");

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> extraction.extract(input, request("doubler", 4)));

    assertTrue(error.getMessage().contains(input.toString()), error.getMessage());
  }

  @Test
  void decodingFailurePropagates() throws IOException {
    List<String> lines = counting(50);
    lines.set(37, "fail");
    Path input = rowsFile(lines);

    IOException error =
        assertThrows(IOException.class, () -> extraction.extract(input, request("doubler", 4)));

    assertEquals("cannot decode sample 37", error.getMessage());
    assertEquals(1, plugin.closes.get(), "extractor closed after the failure");
  }

  @Test
  void extractorRejectionNamesSamples() throws IOException {
    List<String> lines = counting(10);
    lines.set(5, "-1 0");
    Path input = rowsFile(lines);

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> extraction.extract(input, request("doubler", 4)));

    assertTrue(error.getMessage().contains("rejected sample line-5: "), error.getMessage());
    assertTrue(error.getMessage().contains("negative value -1.0"), error.getMessage());
  }

  @Test
  void rejectionOfEverySampleNamesTheBatch() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      lines.add("-" + (i + 1) + " 0");
    }
    Path input = rowsFile(lines);

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> extraction.extract(input, request("doubler", 4)));

    assertTrue(
        error.getMessage().contains("failed on the batch of samples line-0 to line-3"),
        error.getMessage());
  }
}
