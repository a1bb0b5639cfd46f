package io.fld.image.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.fld.api.InvalidInputException;
import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.sample.RgbImage;
import io.fld.image.model.ModelEntry;
import io.fld.image.preprocess.Transforms;
import io.fld.image.testing.OnnxModels;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/** Runs tiny generated ONNX models through the shared extractor code. */
class ImageNetworkExtractorTest {

  private static final int DIMENSION = 16;
  private static final int POOL = 32;
  private static final long SEED = 7;
  private static final double BATCH_TOLERANCE = 1e-5;
  private static final double REFERENCE_TOLERANCE = 1e-3;
  private static final double RESIZE_TOLERANCE = 1e-4;

  @TempDir Path folder;

  @Test
  void namesReadFromFileAndBatchInvariant() throws IOException {
    Path file =
        OnnxModels.pooledLinear("images", "embedding", 224, 0, POOL, DIMENSION, SEED)
            .write(folder.resolve("any-exporter.onnx"));
    List<RgbImage> images = randomImages(70);

    float[][] one = extract(vitSpec(), file, images, 1, Map.of());
    float[][] many = extract(vitSpec(), file, images, 64, Map.of());

    for (int i = 0; i < images.size(); i++) {
      for (int d = 0; d < DIMENSION; d++) {
        assertEquals(one[i][d], many[i][d], BATCH_TOLERANCE, "sample " + i + ", dimension " + d);
      }
    }
    float[] expected = pooledLinear(Transforms.dinov2().apply(images.get(3)), 224);
    for (int d = 0; d < DIMENSION; d++) {
      assertEquals(expected[d], one[3][d], REFERENCE_TOLERANCE, "dimension " + d);
    }
  }

  @Test
  void namedOutputChosenAmongSeveral() throws IOException {
    Path file =
        OnnxModels.pooledLinear("pixel_values", "pooler_output", 224, 0, POOL, DIMENSION, SEED)
            .withExtraOutput("last_hidden_state")
            .write(folder.resolve("two-outputs.onnx"));
    Path unnamed =
        OnnxModels.pooledLinear("pixel_values", "other", 224, 0, POOL, DIMENSION, SEED)
            .withExtraOutput("also_other")
            .write(folder.resolve("unnamed.onnx"));
    List<RgbImage> images = randomImages(2);

    assertEquals(DIMENSION, extract(vitSpec(), file, images, 2, Map.of())[0].length);
    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> extract(vitSpec(), unnamed, images, 2, Map.of()));
    assertTrue(error.getMessage().contains("no output named 'pooler_output'"), error.getMessage());
  }

  @Test
  void wrongInputShapeIsRejectedWithBothShapes() throws IOException {
    Path file =
        OnnxModels.pooledLinear("x", "y", 256, 0, POOL, DIMENSION, SEED)
            .write(folder.resolve("wrong.onnx"));

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class,
            () -> extract(vitSpec(), file, randomImages(1), 1, Map.of()));

    assertTrue(error.getMessage().contains("[?, 3, 256, 256]"), error.getMessage());
    assertTrue(error.getMessage().contains("expected [N, 3, 224, 224]"), error.getMessage());
  }

  @Test
  void networkResizeAndJavaResizeAgree() throws IOException {
    Path resizing =
        OnnxModels.pooledLinear("x", "pool3", -1, 299, 23, DIMENSION, SEED)
            .write(folder.resolve("resizing.onnx"));
    Path fixed =
        OnnxModels.pooledLinear("x", "pool3", 299, 0, 23, DIMENSION, SEED)
            .write(folder.resolve("fixed.onnx"));
    List<RgbImage> images = new ArrayList<>(randomImages(3));
    images.add(randomImage(new Random(3), 120, 90));
    images.add(randomImage(new Random(4), 31, 40));

    float[][] inside =
        extract(inceptionSpec(), resizing, images, 4, Map.of("input-resize", "model"));
    float[][] outside = extract(inceptionSpec(), fixed, images, 4, Map.of("input-resize", "java"));

    for (int i = 0; i < images.size(); i++) {
      for (int d = 0; d < DIMENSION; d++) {
        assertEquals(
            inside[i][d], outside[i][d], RESIZE_TOLERANCE, "sample " + i + ", dimension " + d);
      }
    }
  }

  @Test
  void cudaFallsBackToCpu() throws IOException {
    Path file =
        OnnxModels.pooledLinear("x", "y", 224, 0, POOL, DIMENSION, SEED)
            .write(folder.resolve("m.onnx"));
    ExtractorOptions options =
        new ExtractorOptions(Optional.of(file), folder, 4, 1, "cuda", Map.of());

    try (ImageNetworkExtractor extractor =
        (ImageNetworkExtractor) new ImageExtractorProvider(vitSpec()).open(options)) {
      extractor.extract(randomImages(1));
      assertTrue(List.of("CPU", "CUDA").contains(extractor.executionProvider()));
      assertEquals(64, extractor.modelChecksum().length());
    }
  }

  @Test
  void downloadOptionPullsAMissingModel() throws IOException {
    byte[] model = OnnxModels.pooledLinear("x", "y", 224, 0, POOL, DIMENSION, SEED).toByteArray();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/tiny.onnx",
        exchange -> {
          exchange.sendResponseHeaders(200, model.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(model);
          }
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/tiny.onnx";
      ModelEntry entry =
          new ModelEntry("tiny", "tiny.onnx", url, Optional.empty(), "x", "y", 224, DIMENSION);
      ImageExtractorSpec spec =
          new ImageExtractorSpec("tiny", "a test network", entry, 224, m -> Transforms.dinov2());
      Path models = folder.resolve("models");
      ExtractorOptions options =
          new ExtractorOptions(Optional.empty(), models, 2, 1, "cpu", Map.of("download", "true"));

      try (FeatureExtractor<?> extractor = new ImageExtractorProvider(spec).open(options)) {
        assertEquals(64, extractor.modelChecksum().length());
      }

      assertTrue(Files.isRegularFile(models.resolve("tiny.onnx")));
      assertTrue(Files.isRegularFile(models.resolve("tiny.onnx.sha256")));
    } finally {
      server.stop(0);
    }
  }

  /**
   * Runs only with {@code -Dfld.test.cuda=true} on a machine with CUDA and the {@code
   * onnxruntime_gpu} artifact in place of {@code onnxruntime}.
   */
  @Test
  @EnabledIfSystemProperty(named = "fld.test.cuda", matches = "true")
  void cudaRunsWhenRequestedAndPresent() throws IOException {
    Path file =
        OnnxModels.pooledLinear("x", "y", 224, 0, POOL, DIMENSION, SEED)
            .write(folder.resolve("gpu.onnx"));
    ExtractorOptions options =
        new ExtractorOptions(Optional.of(file), folder, 4, 0, "cuda", Map.of());

    try (ImageNetworkExtractor extractor =
        (ImageNetworkExtractor) new ImageExtractorProvider(vitSpec()).open(options)) {
      float[][] gpu = extractor.extract(randomImages(8));
      float[][] cpu = extract(vitSpec(), file, randomImages(8), 4, Map.of());

      assertEquals("CUDA", extractor.executionProvider());
      for (int i = 0; i < gpu.length; i++) {
        for (int d = 0; d < DIMENSION; d++) {
          assertEquals(
              cpu[i][d], gpu[i][d], REFERENCE_TOLERANCE, "sample " + i + ", dimension " + d);
        }
      }
    }
  }

  @Test
  void missingModelNamesThePathAndTheCommand() {
    ExtractorOptions options =
        new ExtractorOptions(Optional.empty(), folder, 4, 1, "cpu", Map.of());

    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> new ImageExtractorProvider(vitSpec()).open(options));

    assertTrue(
        error.getMessage().contains(folder.resolve("tiny.onnx").toString()), error.getMessage());
    assertTrue(error.getMessage().contains("fld models pull tiny"), error.getMessage());
    assertTrue(error.getMessage().contains("http://127.0.0.1:9/tiny.onnx"), error.getMessage());
  }

  private static ImageExtractorSpec vitSpec() {
    ModelEntry entry =
        new ModelEntry(
            "tiny",
            "tiny.onnx",
            "http://127.0.0.1:9/tiny.onnx",
            Optional.empty(),
            "pixel_values",
            "pooler_output",
            224,
            DIMENSION);
    return new ImageExtractorSpec(
        "tiny", "a test network", entry, 224, model -> Transforms.dinov2());
  }

  private static ImageExtractorSpec inceptionSpec() {
    ModelEntry entry =
        new ModelEntry(
            "tiny-inception",
            "tiny-inception.onnx",
            "",
            Optional.empty(),
            "x",
            "pool3",
            ModelEntry.DYNAMIC,
            DIMENSION);
    return new ImageExtractorSpec(
        "tiny-inception",
        "a test network",
        entry,
        299,
        model ->
            model.resizesInput() ? Transforms.inceptionUnitScale() : Transforms.inceptionResized());
  }

  private float[][] extract(
      ImageExtractorSpec spec,
      Path file,
      List<RgbImage> images,
      int batch,
      Map<String, String> extra)
      throws IOException {
    ExtractorOptions options =
        new ExtractorOptions(Optional.of(file), folder, batch, 1, "cpu", extra);
    try (FeatureExtractor<?> extractor = new ImageExtractorProvider(spec).open(options)) {
      @SuppressWarnings("unchecked")
      FeatureExtractor<RgbImage> typed = (FeatureExtractor<RgbImage>) extractor;
      return typed.extract(images);
    }
  }

  /** Computes the network directly: 32 x 32 average pooling, flatten, then the weight matrix. */
  private static float[] pooledLinear(float[] tensor, int side) {
    int cells = side / POOL;
    int features = 3 * cells * cells;
    float[] weights = OnnxModels.weights(features * DIMENSION, SEED);
    double[] pooled = new double[features];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          int cell = (c * cells + y / POOL) * cells + x / POOL;
          pooled[cell] += tensor[(c * side + y) * side + x] / (double) (POOL * POOL);
        }
      }
    }
    float[] out = new float[DIMENSION];
    for (int d = 0; d < DIMENSION; d++) {
      double sum = 0;
      for (int f = 0; f < features; f++) {
        sum += pooled[f] * weights[f * DIMENSION + d];
      }
      out[d] = (float) sum;
    }
    return out;
  }

  private static List<RgbImage> randomImages(int count) {
    Random random = new Random(11);
    List<RgbImage> images = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      images.add(randomImage(random, 40 + i % 5, 30 + i % 3));
    }
    return images;
  }

  private static RgbImage randomImage(Random random, int width, int height) {
    byte[] pixels = new byte[width * height * 3];
    random.nextBytes(pixels);
    return new RgbImage(width, height, pixels);
  }
}
