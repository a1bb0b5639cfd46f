package io.fld.image.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.sample.RgbImage;
import io.fld.image.decode.ImageDecoder;
import io.fld.image.testing.NpzArrays;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares decoding and preprocessing with the arrays the Python reference pipelines produced
 * (torchvision 0.14, Pillow 9.4) on the same files; the fixture recipe is in src/test/fixtures.
 */
class ReferencePreprocessingTest {

  private static final double PNG_TOLERANCE = 1e-6;
  private static final double JPEG_TOLERANCE_8BIT = 2.0;
  private static final double JPEG_TOLERANCE_NORMALIZED = 2.0 / 255 / 0.225 + 1e-6;
  private static final double INCEPTION_TOLERANCE = 1e-5;
  private static final String JPEG_CASE = "rgb_q90_333x250";

  private static Map<String, NpzArrays.Array> decoded;
  private static Map<String, NpzArrays.Array> dinov2;
  private static Map<String, NpzArrays.Array> clip;
  private static Map<String, NpzArrays.Array> inception;

  @BeforeAll
  static void readGoldenArrays() throws IOException {
    decoded = NpzArrays.read("/preprocess/expected/rgb_uint8.npz");
    dinov2 = NpzArrays.read("/preprocess/expected/dinov2.npz");
    clip = NpzArrays.read("/preprocess/expected/clip.npz");
    inception = NpzArrays.read("/preprocess/expected/inception299.npz");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rgb_32x32.png",
        "rgb_500x375.png",
        "rgb_224x224.png",
        "rgb_tall_100x300.png",
        "gray_64x48.png",
        "rgba_80x80.png",
        "palette_40x40.png",
        "gray16_70x50.png",
        "rgb_q90_333x250.jpg"
      })
  void decodingAndPreprocessingMatchTheReference(String file) throws IOException {
    String stem = file.substring(0, file.lastIndexOf('.'));
    RgbImage image = decode(file);
    boolean jpeg = stem.equals(JPEG_CASE);

    NpzArrays.Array expectedPixels = decoded.get(stem);
    assertArrayEquals(new int[] {image.height(), image.width(), 3}, expectedPixels.shape());
    assertClose(expectedPixels.values(), pixelsOf(image), jpeg ? JPEG_TOLERANCE_8BIT : 0, file);

    double tolerance = jpeg ? JPEG_TOLERANCE_NORMALIZED : PNG_TOLERANCE;
    assertClose(dinov2.get(stem).values(), Transforms.dinov2().apply(image), tolerance, file);
    assertClose(clip.get(stem).values(), Transforms.clip().apply(image), tolerance, file);
    if (inception.containsKey(stem)) {
      float[] actual = new TorchBilinear(299).apply(image);
      assertClose(inception.get(stem).values(), actual, INCEPTION_TOLERANCE, file);
    }
  }

  private static RgbImage decode(String file) throws IOException {
    try (InputStream input =
        ReferencePreprocessingTest.class.getResourceAsStream("/preprocess/images/" + file)) {
      return new ImageDecoder().decode(input.readAllBytes(), file);
    }
  }

  private static float[] pixelsOf(RgbImage image) {
    float[] values = new float[image.pixels().length];
    for (int i = 0; i < values.length; i++) {
      values[i] = image.pixels()[i] & 0xff;
    }
    return values;
  }

  private static void assertClose(float[] expected, float[] actual, double tolerance, String file) {
    assertEquals(expected.length, actual.length, file + ": length");
    double worst = 0;
    int worstAt = -1;
    for (int i = 0; i < expected.length; i++) {
      double difference = Math.abs(expected[i] - actual[i]);
      if (difference > worst) {
        worst = difference;
        worstAt = i;
      }
    }
    double shown = worst;
    int at = worstAt;
    assertTrue(
        worst <= tolerance,
        () -> file + ": largest difference " + shown + " at index " + at + " exceeds " + tolerance);
  }
}
