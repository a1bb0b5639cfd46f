package io.fld.extractor.fashioncnn;

import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.sample.RgbImage;
import io.fld.image.inference.ImageExtractorProvider;
import io.fld.image.inference.ImageExtractorSpec;
import java.io.IOException;

/**
 * An {@link ImageExtractorProvider} whose default model comes from the jar: without an explicit
 * model file, opening installs the bundled model into the model folder (when it is not there
 * already) and then resolves it as usual. Listing the provider loads nothing.
 */
public final class BundledModelProvider extends ImageExtractorProvider {

  private final BundledModel bundled;

  /** Creates the provider for {@code spec}, whose default model is {@code bundled}. */
  public BundledModelProvider(ImageExtractorSpec spec, BundledModel bundled) {
    super(spec);
    this.bundled = bundled;
  }

  @Override
  public FeatureExtractor<RgbImage> open(ExtractorOptions options) throws IOException {
    if (options.modelFile().isEmpty()) {
      bundled.install(options.modelDirectory());
    }
    return super.open(options);
  }
}
