package io.fld.image.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.api.sample.RgbImage;
import io.fld.image.inference.ImageExtractorProvider;
import io.fld.image.model.ModelEntry;
import io.fld.image.model.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks every image extractor plugin alike: discovery through both declarations, the spec it
 * reports, batch-size invariance on a tiny model with the real tensor names and shapes, and the
 * message for a missing model. A plugin module's test extends this class.
 */
public abstract class ExtractorPluginConformance {

  private static final int SAMPLES = 70;
  private static final int LARGE_BATCH = 64;
  private static final double BATCH_TOLERANCE = 1e-5;
  private static final int POOL_224 = 32;
  private static final int POOL_299 = 23;
  private static final long SEED = 5;

  @TempDir protected Path folder;

  /** Returns the plugin under test. */
  protected abstract FldPlugin plugin();

  /** Returns the extractor id the plugin must contribute. */
  protected abstract String id();

  /** Returns the feature dimension the extractor must declare. */
  protected abstract int dimension();

  @Test
  void pluginDeclaredInBothPlaces() throws IOException {
    List<String> ids =
        ServiceLoader.load(FldPlugin.class).stream()
            .flatMap(provider -> provider.get().extractors().stream())
            .map(FeatureExtractorProvider::name)
            .toList();
    String className = plugin().getClass().getName();
    String moduleInfo = Files.readString(Path.of("src/main/java/module-info.java"));
    String services;
    try (InputStream input =
        getClass().getResourceAsStream("/META-INF/services/io.fld.api.plugin.FldPlugin")) {
      services = new String(input.readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    assertTrue(ids.contains(id()), ids.toString());
    assertEquals(className, services);
    assertTrue(
        moduleInfo
            .replaceAll("\\s+", " ")
            .contains("provides io.fld.api.plugin.FldPlugin with " + className + ";"),
        moduleInfo);
  }

  @Test
  void providerDeclaresItsSpecWithoutLoadingAModel() {
    FeatureExtractorProvider provider = provider();

    assertEquals(id(), provider.name());
    assertEquals(dimension(), provider.dimension());
    assertEquals(RgbImage.class, provider.sampleType());
    assertTrue(!provider.description().isBlank());
  }

  @Test
  void batchSizeDoesNotChangeTheFeatures() throws IOException {
    Path model = tinyModel();
    List<RgbImage> images = images();

    float[][] single = extract(model, 1);
    float[][] batched = extract(model, LARGE_BATCH);

    assertEquals(SAMPLES, single.length);
    for (int i = 0; i < SAMPLES; i++) {
      assertEquals(dimension(), single[i].length);
      for (int d = 0; d < dimension(); d++) {
        assertEquals(single[i][d], batched[i][d], BATCH_TOLERANCE, "sample " + i + ", dim " + d);
      }
    }
    try (FeatureExtractor<?> extractor = open(model, 1)) {
      assertEquals(ModelFiles.sha256(model), extractor.modelChecksum());
      assertTrue(extractor.preprocessing().endsWith("/v1"), extractor.preprocessing());
    }
    assertEquals(images.size(), single.length);
  }

  @Test
  void missingModelNamesTheExpectedPath() {
    ExtractorOptions options =
        new ExtractorOptions(Optional.empty(), folder, 1, 1, "cpu", Map.of());

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> provider().open(options));

    ModelEntry entry = ((ImageExtractorProvider) provider()).spec().model();
    assertTrue(
        error.getMessage().contains(folder.resolve(entry.fileName()).toString()),
        error.getMessage());
    assertTrue(error.getMessage().contains("--model"), error.getMessage());
  }

  private FeatureExtractorProvider provider() {
    return plugin().extractors().stream()
        .filter(p -> p.name().equals(id()))
        .findFirst()
        .orElseThrow();
  }

  /** Writes a tiny network with the default model's tensor names and input shape. */
  private Path tinyModel() throws IOException {
    ModelEntry entry = ((ImageExtractorProvider) provider()).spec().model();
    OnnxModels model =
        entry.resizesInput()
            ? OnnxModels.pooledLinear(
                entry.inputName(), entry.outputName(), -1, 299, POOL_299, dimension(), SEED)
            : OnnxModels.pooledLinear(
                entry.inputName(),
                entry.outputName(),
                entry.inputSide(),
                0,
                POOL_224,
                dimension(),
                SEED);
    return model.write(folder.resolve("tiny-" + id() + ".onnx"));
  }

  private float[][] extract(Path model, int batch) throws IOException {
    try (FeatureExtractor<?> extractor = open(model, batch)) {
      @SuppressWarnings("unchecked")
      FeatureExtractor<RgbImage> typed = (FeatureExtractor<RgbImage>) extractor;
      return typed.extract(images());
    }
  }

  private FeatureExtractor<?> open(Path model, int batch) throws IOException {
    return provider()
        .open(new ExtractorOptions(Optional.of(model), folder, batch, 1, "cpu", Map.of()));
  }

  private static List<RgbImage> images() {
    Random random = new Random(3);
    List<RgbImage> images = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      int width = 30 + i % 4;
      int height = 30 + i % 4;
      byte[] pixels = new byte[width * height * 3];
      random.nextBytes(pixels);
      images.add(new RgbImage(width, height, pixels));
    }
    return images;
  }
}
