package io.fld.image.inference;

import io.fld.api.InvalidInputException;
import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.sample.RgbImage;
import io.fld.image.model.ModelBacked;
import io.fld.image.model.ModelEntry;
import io.fld.image.model.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens an {@link ImageNetworkExtractor} for an {@link ImageExtractorSpec}. The model file is, in
 * order: {@link ExtractorOptions#modelFile()}, the file in the model folder, or (only with the
 * extra option {@code download=true}) a download from the entry's address, verified by checksum.
 * Listing the provider loads nothing.
 *
 * <p>Extra options: {@code input-resize=model|java} sets whether a model given with {@code --model}
 * resizes its input itself or needs the preprocessing to do it; {@code download=true} allows a
 * download.
 */
public class ImageExtractorProvider implements FeatureExtractorProvider, ModelBacked {

  /** Extra option: {@code model} or {@code java}. */
  public static final String INPUT_RESIZE = "input-resize";

  /** Extra option: {@code true} to download a missing model. */
  public static final String DOWNLOAD = "download";

  private static final List<String> KNOWN_OPTIONS = List.of(INPUT_RESIZE, DOWNLOAD);

  private final ImageExtractorSpec spec;

  /** Creates the provider for {@code spec}. */
  public ImageExtractorProvider(ImageExtractorSpec spec) {
    this.spec = spec;
  }

  /** Returns the extractor definition, including its default model entry. */
  public ImageExtractorSpec spec() {
    return spec;
  }

  @Override
  public ModelEntry modelEntry() {
    return spec.model();
  }

  @Override
  public String name() {
    return spec.id();
  }

  @Override
  public String description() {
    return spec.description();
  }

  @Override
  public int dimension() {
    return spec.dimension();
  }

  @Override
  public Class<?> sampleType() {
    return RgbImage.class;
  }

  @Override
  public FeatureExtractor<RgbImage> open(ExtractorOptions options) throws IOException {
    options.requireKnownExtra(spec.id(), KNOWN_OPTIONS);
    ModelEntry entry = entryFor(options);
    Path file;
    Optional<String> expected;
    if (options.modelFile().isPresent()) {
      file = options.modelFile().get();
      requireModelFile(file);
      expected = Optional.empty();
    } else {
      ModelStore store = new ModelStore(options.modelDirectory());
      boolean download = Boolean.parseBoolean(options.extra().getOrDefault(DOWNLOAD, "false"));
      file = download ? store.pullIfMissing(entry) : store.require(entry);
      expected = store.expectedChecksum(entry);
    }
    return new ImageNetworkExtractor(
        spec, entry, file, expected, options.batchSize(), options.threads(), options.device());
  }

  private ModelEntry entryFor(ExtractorOptions options) {
    String resize = options.extra().get(INPUT_RESIZE);
    if (resize == null) {
      return spec.model();
    }
    return switch (resize.toLowerCase(Locale.ROOT)) {
      case "model" -> spec.model().withInputSide(ModelEntry.DYNAMIC);
      case "java" -> spec.model().withInputSide(spec.fixedSide());
      default ->
          throw new InvalidInputException(
              INPUT_RESIZE + " must be 'model' or 'java', got '" + resize + "'");
    };
  }

  private static void requireModelFile(Path file) {
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(
          file
              + ": is a folder, not a model file; pass the model file itself (.onnx, or a TorchScript .pt)");
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": model file not found; check the --model path");
    }
  }
}
