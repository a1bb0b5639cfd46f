package io.fld.extractor.dinov2;

import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.image.inference.ImageExtractorProvider;
import io.fld.image.inference.ImageExtractorSpec;
import io.fld.image.model.ModelEntry;
import io.fld.image.preprocess.Transforms;
import java.util.List;
import java.util.Optional;

/**
 * Contributes the {@code dinov2} extractor: DINOv2 ViT-B/14: 768-d CLS embedding after the final
 * norm.
 *
 * <p>The default model is the ONNX export of {@code facebook/dinov2-base} published as {@code
 * onnx-community/dinov2-base}, at a fixed revision; its {@code pooler_output} is the CLS token
 * after the final layer norm. Preprocessing: Pillow bicubic resize to 224 x 224, center crop 224,
 * ImageNet normalization.
 */
public final class Dinov2Plugin implements FldPlugin {

  /** The extractor id. */
  public static final String ID = "dinov2";

  /** The length of the feature vector. */
  public static final int DIMENSION = 768;

  /**
   * The default model file. No checksum is published for it, so the first {@code fld models pull}
   * records the SHA-256 of the download, and later uses verify the file against it.
   */
  public static final ModelEntry MODEL =
      new ModelEntry(
          ID,
          "dinov2-vitb14.onnx",
          "https://huggingface.co/onnx-community/dinov2-base/resolve/31ef06cac16d5d301c5930d147002a058c85a5e4/onnx/model.onnx",
          Optional.empty(),
          "pixel_values",
          "pooler_output",
          Transforms.VIT_INPUT_SIZE,
          DIMENSION);

  /** The extractor definition. */
  public static final ImageExtractorSpec SPEC =
      new ImageExtractorSpec(
          ID,
          "DINOv2 ViT-B/14: 768-d CLS embedding after the final norm",
          MODEL,
          224,
          model -> Transforms.dinov2());

  @Override
  public String name() {
    return "dinov2";
  }

  @Override
  public List<FeatureExtractorProvider> extractors() {
    return List.of(new ImageExtractorProvider(SPEC));
  }
}
