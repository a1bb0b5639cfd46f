package io.fld.extractor.clip;

import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.image.inference.ImageExtractorProvider;
import io.fld.image.inference.ImageExtractorSpec;
import io.fld.image.model.ModelEntry;
import io.fld.image.preprocess.Transforms;
import java.util.List;
import java.util.Optional;

/**
 * Contributes the {@code clip} extractor: CLIP ViT-B/32 image encoder: 512-d projected image
 * embedding.
 *
 * <p>The default model is the ONNX export of the vision tower of {@code
 * openai/clip-vit-base-patch32} published as {@code Xenova/clip-vit-base-patch32}, at a fixed
 * revision; its {@code image_embeds} output is the projected embedding. Preprocessing: Pillow
 * bicubic resize of the shorter side to 224, center crop 224, CLIP normalization.
 */
public final class ClipPlugin implements FldPlugin {

  /** The extractor id. */
  public static final String ID = "clip";

  /** The length of the feature vector. */
  public static final int DIMENSION = 512;

  /**
   * The default model file. No checksum is published for it, so the first {@code fld models pull}
   * records the SHA-256 of the download, and later uses verify the file against it.
   */
  public static final ModelEntry MODEL =
      new ModelEntry(
          ID,
          "clip-vitb32-vision.onnx",
          "https://huggingface.co/Xenova/clip-vit-base-patch32/resolve/d15189d7028b43f1d3e65039190477f6af591c2a/onnx/vision_model.onnx",
          Optional.empty(),
          "pixel_values",
          "image_embeds",
          Transforms.VIT_INPUT_SIZE,
          DIMENSION);

  /** The extractor definition. */
  public static final ImageExtractorSpec SPEC =
      new ImageExtractorSpec(
          ID,
          "CLIP ViT-B/32 image encoder: 512-d projected image embedding",
          MODEL,
          224,
          model -> Transforms.clip());

  @Override
  public String name() {
    return "clip";
  }

  @Override
  public List<FeatureExtractorProvider> extractors() {
    return List.of(new ImageExtractorProvider(SPEC));
  }
}
