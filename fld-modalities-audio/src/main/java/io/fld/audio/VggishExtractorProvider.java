package io.fld.audio;

import io.fld.api.InvalidInputException;
import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.sample.AudioClip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens the {@code vggish} extractor. The model file is {@link ExtractorOptions#modelFile()} when
 * given, else {@code vggish.onnx} in {@link ExtractorOptions#modelDirectory()}. The extra option
 * {@code short-clips} ({@code pad} or {@code reject}) sets the {@link ShortClipPolicy}.
 */
public final class VggishExtractorProvider implements FeatureExtractorProvider {
  /** The model file name looked up in the model folder. */
  public static final String MODEL_FILE_NAME = "vggish.onnx";

  /** The extra option that sets the short-clip policy. */
  public static final String SHORT_CLIPS_OPTION = "short-clips";

  /** The extra options this extractor reads from {@link ExtractorOptions#extra()}. */
  public static final List<String> KNOWN_OPTIONS = List.of(SHORT_CLIPS_OPTION);

  @Override
  public String name() {
    return VggishExtractor.ID;
  }

  @Override
  public String description() {
    return "VGGish (AudioSet) on 0.96 s log-mel patches at 16 kHz, mean of the 128-d patch"
        + " embeddings per clip";
  }

  @Override
  public int dimension() {
    return VggishModel.EMBEDDING_SIZE;
  }

  @Override
  public Class<?> sampleType() {
    return AudioClip.class;
  }

  /**
   * Resolves the model file and creates the extractor without loading the model.
   *
   * @throws InvalidInputException if an extra option is unknown or invalid, or if the model file
   *     does not exist. The message names the known options, or the expected path and how to obtain
   *     the file.
   */
  @Override
  public FeatureExtractor<AudioClip> open(ExtractorOptions options) {
    options.requireKnownExtra(VggishExtractor.ID, KNOWN_OPTIONS);
    String policy = options.extra().getOrDefault(SHORT_CLIPS_OPTION, "pad");
    ShortClipPolicy shortClips = ShortClipPolicy.parse(policy);
    if (options.modelFile().isEmpty() && options.modelDirectory() == null) {
      throw new InvalidInputException(
          "the vggish extractor needs a model file or a model folder; pass --model FILE");
    }
    Path modelFile =
        options.modelFile().orElseGet(() -> options.modelDirectory().resolve(MODEL_FILE_NAME));
    if (!Files.isRegularFile(modelFile)) {
      throw new InvalidInputException(
          modelFile
              + ": VGGish model file not found. Export the AudioSet VGGish weights to ONNX (input"
              + " [N, 96, 64] log-mel patches, output [N, 128]) as described in the"
              + " fld-modalities-audio README, then put it at that path or pass it with --model");
    }
    return new VggishExtractor(
        modelFile, options.batchSize(), options.threads(), options.device(), shortClips);
  }
}
