package io.fld.image.source;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.RgbImage;
import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Exactly {@code count} images drawn from a generator callback, in batches of the size the cursor
 * requests. A generator is not reproducible in general, so each cursor draws new images and the
 * fingerprint is unique to this source object unless the caller names a stable identity (for a
 * seeded generator), which lets the feature cache reuse its features.
 */
public final class GeneratorImageSource implements SampleSource<RgbImage> {

  private final String description;
  private final int count;
  private final ImageGenerator generator;
  private final String identity;

  /**
   * Creates the source.
   *
   * @param description how the generator is named in messages
   * @param count the exact number of images to produce
   * @param generator the callback
   * @param identity a stable identity for seeded, reproducible generators; empty to never reuse
   *     cached features
   */
  public GeneratorImageSource(
      String description, int count, ImageGenerator generator, Optional<String> identity) {
    if (count < 1) {
      throw new InvalidInputException(
          description + ": sample count must be positive, got " + count);
    }
    this.description = description;
    this.count = count;
    this.generator = generator;
    this.identity = identity.orElse("unrepeatable-" + UUID.randomUUID());
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public Class<RgbImage> sampleType() {
    return RgbImage.class;
  }

  @Override
  public String fingerprint() {
    return "generator/" + identity + "/" + count;
  }

  @Override
  public SampleCursor<RgbImage> open() {
    return new SampleCursor<>() {
      private int produced;

      @Override
      public List<Sample<RgbImage>> next(int maxCount) throws IOException {
        int wanted = Math.min(maxCount, count - produced);
        if (wanted <= 0) {
          return List.of();
        }
        List<RgbImage> images = generator.generate(wanted);
        if (images == null || images.isEmpty()) {
          throw new InvalidInputException(
              description
                  + ": the generator returned no images after "
                  + produced
                  + " of "
                  + count
                  + "; make it return images until the requested count is reached");
        }
        List<Sample<RgbImage>> batch = new ArrayList<>(wanted);
        for (RgbImage image : images.subList(0, Math.min(wanted, images.size()))) {
          batch.add(new Sample<>(description + "[" + produced++ + "]", image));
        }
        return batch;
      }

      @Override
      public void close() {
        // the generator owns no resources of this source
      }
    };
  }
}
