package io.fld.image.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.sample.RgbImage;
import io.fld.image.model.ModelEntry;
import io.fld.image.preprocess.Transforms;
import io.fld.image.testing.OnnxModels;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a TorchScript model (written without PyTorch by src/test/fixtures/make_torchscript.py)
 * through DJL's PyTorch engine and compares it with the same network in ONNX.
 */
class TorchScriptNetworkTest {

  private static final int DIMENSION = 16;
  private static final int SIDE = 224;
  private static final double ENGINE_TOLERANCE = 1e-4;
  private static final double BATCH_TOLERANCE = 1e-5;

  @TempDir Path folder;

  @Test
  void engineIsChosenByFileContent() throws IOException {
    Path torchScript = torchScriptModel();
    Path onnx = onnxTwin().write(folder.resolve("twin.pt"));

    assertTrue(ImageNetworks.isTorchScript(torchScript));
    assertFalse(ImageNetworks.isTorchScript(onnx));
  }

  @Test
  void torchScriptMatchesItsOnnxTwin() throws IOException {
    Path torchScript = torchScriptModel();
    Path onnx = onnxTwin().write(folder.resolve("twin.onnx"));
    List<RgbImage> images = images(70);

    float[][] torch = extract(torchScript, images, 64, DIMENSION);
    float[][] torchSingle = extract(torchScript, images, 1, DIMENSION);
    float[][] ort = extract(onnx, images, 64, DIMENSION);

    for (int i = 0; i < images.size(); i++) {
      for (int d = 0; d < DIMENSION; d++) {
        assertEquals(ort[i][d], torch[i][d], ENGINE_TOLERANCE, "sample " + i + ", dimension " + d);
        assertEquals(torch[i][d], torchSingle[i][d], BATCH_TOLERANCE, "sample " + i + ", dim " + d);
      }
    }
  }

  @Test
  void executionProviderNamesPyTorch() throws IOException {
    ModelEntry entry = entry(DIMENSION);
    try (ImageNetwork network = ImageNetworks.open(torchScriptModel(), entry, 1, "cuda")) {
      network.run(new float[3 * SIDE * SIDE], 1, SIDE, SIDE);

      assertTrue(network.executionProvider().startsWith("PyTorch"), network.executionProvider());
    }
  }

  @Test
  void wrongOutputDimensionIsRejected() throws IOException {
    Path torchScript = torchScriptModel();

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> extract(torchScript, images(2), 2, 8));

    assertTrue(error.getMessage().contains("expected 2 x 8"), error.getMessage());
  }

  @Test
  void damagedArchiveIsRejectedByName() throws IOException {
    Path damaged = Files.write(folder.resolve("damaged.pt"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> extract(damaged, images(1), 1, DIMENSION));

    assertTrue(error.getMessage().contains("damaged.pt"), error.getMessage());
    assertTrue(error.getMessage().contains("TorchScript"), error.getMessage());
  }

  /** Builds the ONNX network that computes what the TorchScript fixture computes. */
  private static OnnxModels onnxTwin() {
    float[] weights = new float[3 * DIMENSION];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = ((7 * i) % 11 - 5) / 5.0f;
    }
    return OnnxModels.pooledLinear("x", "y", SIDE, 0, SIDE, DIMENSION, weights);
  }

  private Path torchScriptModel() throws IOException {
    Path file = folder.resolve("mean_linear_3x16.pt");
    try (InputStream input = getClass().getResourceAsStream("/torchscript/mean_linear_3x16.pt")) {
      Files.write(file, input.readAllBytes());
    }
    return file;
  }

  private float[][] extract(Path model, List<RgbImage> images, int batch, int dimension)
      throws IOException {
    ModelEntry entry = entry(dimension);
    ImageExtractorSpec spec =
        new ImageExtractorSpec("tiny", "a test network", entry, SIDE, m -> Transforms.dinov2());
    ExtractorOptions options =
        new ExtractorOptions(Optional.of(model), folder, batch, 1, "cpu", Map.of());
    try (FeatureExtractor<?> extractor = new ImageExtractorProvider(spec).open(options)) {
      @SuppressWarnings("unchecked")
      FeatureExtractor<RgbImage> typed = (FeatureExtractor<RgbImage>) extractor;
      return typed.extract(images);
    }
  }

  private static ModelEntry entry(int dimension) {
    return new ModelEntry("tiny", "tiny.pt", "", Optional.empty(), "x", "y", SIDE, dimension);
  }

  private static List<RgbImage> images(int count) {
    Random random = new Random(9);
    List<RgbImage> images = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] pixels = new byte[40 * 30 * 3];
      random.nextBytes(pixels);
      images.add(new RgbImage(40, 30, pixels));
    }
    return images;
  }
}
