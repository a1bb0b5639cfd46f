package io.fld.image.source;

import io.fld.api.sample.RgbImage;
import java.io.IOException;
import java.util.List;

/** Produces images on demand, such as a generative model sampling a batch. */
@FunctionalInterface
public interface ImageGenerator {

  /**
   * Returns up to {@code count} new images; returning more is allowed (the extra ones are dropped),
   * returning none ends the source early, which is an error.
   */
  List<RgbImage> generate(int count) throws IOException;
}
