package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fld.api.InvalidInputException;
import io.fld.core.extract.ExtractionRequest;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ExtractionSettingsTest {
  private static final Path DEFAULT_CACHE = Path.of("/home/user/.cache/fld/features");

  @Command(name = "probe")
  static final class Probe {
    @Mixin ExtractionSettings settings;
  }

  private static ExtractionRequest parse(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.settings.request(DEFAULT_CACHE);
  }

  @Test
  void defaultCacheUsed() {
    ExtractionRequest request = parse("--extractor", "dinov2");

    assertEquals("dinov2", request.extractorId());
    assertEquals(Optional.of(DEFAULT_CACHE), request.cacheDirectory());
    assertEquals(ExtractionSettings.DEFAULT_BATCH_SIZE, request.batchSize());
    assertEquals("cpu", request.device());
    assertEquals(Optional.empty(), request.modelFile());
  }

  @Test
  void explicitCacheAndModel() {
    ExtractionRequest request =
        parse("--extractor", "clip", "--cache", "/tmp/c", "--model", "/m/clip.onnx");

    assertEquals(Optional.of(Path.of("/tmp/c")), request.cacheDirectory());
    assertEquals(Optional.of(Path.of("/m/clip.onnx")), request.modelFile());
  }

  @Test
  void cacheNameGiven() {
    ExtractionRequest named = parse("--extractor", "clip", "--cache-name", "run-7");
    ExtractionRequest unnamed = parse("--extractor", "clip");

    assertEquals(Optional.of("run-7"), named.cacheName());
    assertEquals(Optional.empty(), unnamed.cacheName());
  }

  @Test
  void noCacheWins() {
    ExtractionRequest request = parse("--extractor", "clip", "--cache", "/tmp/c", "--no-cache");

    assertEquals(Optional.empty(), request.cacheDirectory());
  }

  @Test
  void batchSizeMustBePositive() {
    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> parse("--batch-size", "0"));

    assertEquals("--batch-size must lie in [1, 4096], got 0", error.getMessage());
  }

  @Test
  void sourceOptionsAndSkipInvalidReachTheSource() {
    ExtractionRequest request =
        parse(
            "--extractor",
            "clip",
            "--source-option",
            "extensions=png,jpg",
            "--source-option",
            "labels=true",
            "--skip-invalid");

    assertEquals(
        java.util.Map.of("extensions", "png,jpg", "labels", "true", "skip-invalid", "true"),
        request.sourceOptions());
    assertEquals(true, request.skipInvalid());
  }

  @Test
  void unknownDeviceRejected() {
    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> parse("--extractor", "clip", "--device", "gpu"));

    assertEquals("--device must be cpu or cuda, got 'gpu'", error.getMessage());
  }
}
