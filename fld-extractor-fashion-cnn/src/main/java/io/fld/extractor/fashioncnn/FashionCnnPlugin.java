package io.fld.extractor.fashioncnn;

import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.image.inference.ImageExtractorSpec;
import io.fld.image.model.ModelEntry;
import io.fld.image.preprocess.ImageTransform;
import io.fld.image.preprocess.PilResizeCropNormalize;
import io.fld.image.preprocess.ResizeMode;
import java.util.List;
import java.util.Optional;

/**
 * Contributes the {@code fashion-cnn} extractor: the 128-d penultimate layer (before its ReLU) of a
 * small CNN classifier trained on Fashion-MNIST (two 3x3 convolution and max-pool blocks with 32
 * and 64 channels, a 128-unit and a 10-unit fully connected layer).
 *
 * <p>The model ships inside this jar and is copied into the model folder on first use, after its
 * SHA-256 is checked. Preprocessing: images decode to 8-bit RGB, images of another size than 28 x
 * 28 are resized with Pillow-style bicubic, and samples are scaled by 1/255. The network itself
 * turns RGB into gray with the ITU-R 601 luma weights (0.299, 0.587, 0.114), as Pillow's {@code
 * convert('L')} does but without its rounding to integers, so gray PNGs pass through unchanged, and
 * standardizes with the training set's pixel mean and standard deviation.
 */
public final class FashionCnnPlugin implements FldPlugin {

  /** The extractor id. */
  public static final String ID = "fashion-cnn";

  /** The length of the feature vector. */
  public static final int DIMENSION = 128;

  /** The side of the square input images. */
  public static final int INPUT_SIDE = 28;

  /** The name of the model resource in this package, and of the file in the model folder. */
  public static final String MODEL_FILE = "fashion-cnn.onnx";

  /** The SHA-256 of the bundled model, as printed by {@code demo/recipes/train_extractor.py}. */
  public static final String MODEL_SHA256 =
      "3c2ee5a8494cc7e5c0942ee3f3482a4da7f21a7bda8dd02012209a034e28b86b";

  /** The bundled model: no download address, because the jar carries the file. */
  public static final ModelEntry MODEL =
      new ModelEntry(
          ID,
          MODEL_FILE,
          "",
          Optional.of(MODEL_SHA256),
          "input",
          "embedding",
          INPUT_SIDE,
          DIMENSION);

  /** The extractor definition. */
  public static final ImageExtractorSpec SPEC =
      new ImageExtractorSpec(
          ID,
          "Fashion-MNIST CNN: 128-d penultimate layer before its ReLU (bundled model)",
          MODEL,
          INPUT_SIDE,
          model -> transform());

  private static final float[] NO_SHIFT = {0f, 0f, 0f};
  private static final float[] NO_SCALE = {1f, 1f, 1f};

  @Override
  public String name() {
    return ID;
  }

  @Override
  public List<FeatureExtractorProvider> extractors() {
    return List.of(new BundledModelProvider(SPEC, BundledModel.fashionCnn()));
  }

  /** Returns the preprocessing: Pillow bicubic to 28 x 28 when needed, then samples / 255. */
  public static ImageTransform transform() {
    return new PilResizeCropNormalize(
        ID, ResizeMode.SQUARE, INPUT_SIDE, INPUT_SIDE, NO_SHIFT, NO_SCALE);
  }
}
