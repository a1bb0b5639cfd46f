package io.fld.extractor.inception;

import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.image.inference.ImageExtractorProvider;
import io.fld.image.inference.ImageExtractorSpec;
import io.fld.image.model.ModelEntry;
import io.fld.image.preprocess.Transforms;
import java.util.List;
import java.util.Optional;

/**
 * Contributes the {@code inception} extractor: Inception-v3 (FID weights): 2048-d pool3 features.
 *
 * <p>No ONNX export of the FID Inception weights is published, so the model is given with {@code
 * --model}: an export of the FID Inception-v3 network ({@code pt_inception-2015-12-05} weights)
 * whose single output is the 2048-d pool3 vector. By default the network is expected to resize its
 * input to 299 x 299 itself (bilinear, align_corners false) and map it to [-1, 1], as the FID
 * network does. It then receives the image scaled to [0, 1] at its own size. For an export with a
 * fixed 299 x 299 input, pass the extractor option {@code input-resize=java}: the resize and the
 * {@code 2x - 1} mapping then run in Java, matching torch to 1e-5.
 */
public final class InceptionPlugin implements FldPlugin {

  /** The extractor id. */
  public static final String ID = "inception";

  /** The length of the feature vector. */
  public static final int DIMENSION = 2048;

  /**
   * The default model file. No checksum is published for it, so the first {@code fld models pull}
   * records the SHA-256 of the download, and later uses verify the file against it.
   */
  public static final ModelEntry MODEL =
      new ModelEntry(
          ID,
          "inception-v3-fid.onnx",
          "",
          Optional.empty(),
          "images",
          "pool3",
          ModelEntry.DYNAMIC,
          DIMENSION);

  /** The extractor definition. */
  public static final ImageExtractorSpec SPEC =
      new ImageExtractorSpec(
          ID,
          "Inception-v3 (FID weights): 2048-d pool3 features",
          MODEL,
          299,
          model ->
              model.resizesInput()
                  ? Transforms.inceptionUnitScale()
                  : Transforms.inceptionResized());

  @Override
  public String name() {
    return "inception";
  }

  @Override
  public List<FeatureExtractorProvider> extractors() {
    return List.of(new ImageExtractorProvider(SPEC));
  }
}
