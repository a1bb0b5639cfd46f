package io.fld.extractor.fashioncnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.api.sample.RgbImage;
import io.fld.image.decode.ImageDecoder;
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
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionCnnPluginTest {
  private static final Path DEMO = Path.of("..", "demo");
  private static final Path TEST_IMAGES = DEMO.resolve("fashion-mnist").resolve("test");
  private static final Path TRAIN_IMAGES = DEMO.resolve("fashion-mnist").resolve("train");
  private static final Path COPIES = DEMO.resolve("generators").resolve("copycat");
  private static final int SAMPLES = 40;
  private static final int LARGE_BATCH = 32;
  private static final double BATCH_TOLERANCE = 1e-5;
  private static final String COPY_PREFIX = "copy-of-";

  @TempDir Path folder;

  @Test
  void pluginDeclaredInBothPlaces() throws IOException {
    List<String> ids =
        ServiceLoader.load(FldPlugin.class).stream()
            .flatMap(provider -> provider.get().extractors().stream())
            .map(FeatureExtractorProvider::name)
            .toList();
    String className = FashionCnnPlugin.class.getName();
    String moduleInfo = Files.readString(Path.of("src/main/java/module-info.java"));
    String services;
    try (InputStream input =
        getClass().getResourceAsStream("/META-INF/services/io.fld.api.plugin.FldPlugin")) {
      services = new String(input.readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    assertTrue(ids.contains(FashionCnnPlugin.ID), ids.toString());
    assertEquals(className, services);
    assertTrue(
        moduleInfo
            .replaceAll("\\s+", " ")
            .contains("provides io.fld.api.plugin.FldPlugin with " + className + ";"),
        moduleInfo);
  }

  @Test
  void providerDeclaresSpecWithoutInstalling() {
    FeatureExtractorProvider provider = provider();

    assertEquals("fashion-cnn", provider.name());
    assertEquals(128, provider.dimension());
    assertEquals(RgbImage.class, provider.sampleType());
    assertTrue(Files.notExists(folder.resolve(FashionCnnPlugin.MODEL_FILE)));
  }

  @Test
  void bundledModelInstallsWithItsChecksum() throws IOException {
    Path installed = BundledModel.fashionCnn().install(folder);

    assertEquals(folder.resolve(FashionCnnPlugin.MODEL_FILE), installed);
    assertEquals(FashionCnnPlugin.MODEL_SHA256, ModelFiles.sha256(installed));
  }

  @Test
  void damagedInstalledModelIsReplaced() throws IOException {
    Path target = folder.resolve(FashionCnnPlugin.MODEL_FILE);
    Files.writeString(target, "not a model");

    BundledModel.fashionCnn().install(folder);

    assertEquals(FashionCnnPlugin.MODEL_SHA256, ModelFiles.sha256(target));
  }

  @Test
  void batchSizeDoesNotChangeFeatures() throws IOException {
    List<RgbImage> images = decode(firstFiles(TEST_IMAGES, SAMPLES));

    float[][] single = extract(images, 1);
    float[][] batched = extract(images, LARGE_BATCH);

    assertEquals(SAMPLES, single.length);
    for (int i = 0; i < SAMPLES; i++) {
      assertEquals(128, single[i].length);
      for (int d = 0; d < single[i].length; d++) {
        assertEquals(single[i][d], batched[i][d], BATCH_TOLERANCE, "sample " + i + ", dim " + d);
      }
    }
  }

  @Test
  void copiedImageHasItsOriginalsFeatures() throws IOException {
    List<Path> copies = firstFiles(COPIES, 5);
    List<Path> originals = new ArrayList<>();
    for (Path copy : copies) {
      String original = copy.getFileName().toString().substring(COPY_PREFIX.length());
      originals.add(TRAIN_IMAGES.resolve(original));
    }

    float[][] copyFeatures = extract(decode(copies), 1);
    float[][] originalFeatures = extract(decode(originals), 1);

    for (int i = 0; i < copies.size(); i++) {
      assertArrayEquals(originalFeatures[i], copyFeatures[i], copies.get(i).toString());
    }
  }

  @Test
  void differentImagesGetDifferentFeatures() throws IOException {
    float[][] features = extract(decode(firstFiles(TEST_IMAGES, 2)), 1);

    double squared = 0;
    for (int d = 0; d < features[0].length; d++) {
      squared += Math.pow(features[0][d] - features[1][d], 2);
    }
    assertTrue(squared > 1.0, "squared distance " + squared);
  }

  @Test
  void extractorReportsBundledChecksum() throws IOException {
    try (FeatureExtractor<?> extractor = open(1)) {
      assertEquals(FashionCnnPlugin.MODEL_SHA256, extractor.modelChecksum());
      assertTrue(extractor.preprocessing().startsWith("fashion-cnn/"), extractor.preprocessing());
    }
  }

  @Test
  void unknownExtractorOptionRejected() {
    ExtractorOptions options =
        new ExtractorOptions(Optional.empty(), folder, 1, 1, "cpu", Map.of("foo", "bar"));

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> provider().open(options));

    assertTrue(error.getMessage().contains("unknown extractor option 'foo'"), error.getMessage());
    assertTrue(error.getMessage().contains("input-resize, download"), error.getMessage());
  }

  private FeatureExtractorProvider provider() {
    return new FashionCnnPlugin().extractors().get(0);
  }

  private FeatureExtractor<?> open(int batch) throws IOException {
    return provider()
        .open(new ExtractorOptions(Optional.empty(), folder, batch, 1, "cpu", Map.of()));
  }

  private float[][] extract(List<RgbImage> images, int batch) throws IOException {
    try (FeatureExtractor<?> extractor = open(batch)) {
      @SuppressWarnings("unchecked")
      FeatureExtractor<RgbImage> typed = (FeatureExtractor<RgbImage>) extractor;
      return typed.extract(images);
    }
  }

  private static List<Path> firstFiles(Path directory, int count) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().limit(count).toList();
    }
  }

  private static List<RgbImage> decode(List<Path> files) throws IOException {
    ImageDecoder decoder = new ImageDecoder();
    List<RgbImage> images = new ArrayList<>();
    for (Path file : files) {
      images.add(decoder.decode(file));
    }
    return images;
  }
}
