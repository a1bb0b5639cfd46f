package io.fld.core.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.extract.FeatureExtractorProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks that a feature extractor follows the contract of the SPI. Extend it, return the provider,
 * the options to open it with and at least two samples of its sample type.
 */
public abstract class ExtractorConformanceTest {
  /** The relative tolerance between features of one sample computed in different batches. */
  protected static final double BATCH_RTOL = 1e-5;

  /** The absolute tolerance between features of one sample computed in different batches. */
  protected static final double BATCH_ATOL = 1e-5;

  /** The time within which every listing method must return, since none may load a model. */
  protected static final Duration LISTING_LIMIT = Duration.ofSeconds(1);

  /** Returns the provider under test. */
  protected abstract FeatureExtractorProvider provider();

  /** Returns the options to open the extractor with, such as a small test model file. */
  protected abstract ExtractorOptions options();

  /** Returns at least two samples of the extractor's sample type. */
  protected abstract List<?> samples();

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static float[][] extract(FeatureExtractor<?> extractor, List<?> samples)
      throws IOException {
    return ((FeatureExtractor) extractor).extract(samples);
  }

  @Test
  void nameFollowsRules() throws IOException {
    String name = provider().name();

    assertTrue(ConformanceSupport.NAME.matcher(name).matches(), "invalid extractor name " + name);
    assertFalse(provider().description().isBlank(), "description of " + name + " is blank");
    try (FeatureExtractor<?> extractor = provider().open(options())) {
      assertEquals(name, extractor.id());
    }
  }

  @Test
  void listingWithoutOpening() {
    long start = System.nanoTime();

    FeatureExtractorProvider provider = provider();
    provider.name();
    provider.description();
    provider.dimension();
    provider.sampleType();

    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(
        elapsed.compareTo(LISTING_LIMIT) <= 0,
        "listing took " + elapsed.toMillis() + " ms; load models in open() or extract() only");
  }

  @Test
  void dimensionMatchesOutput() throws IOException {
    try (FeatureExtractor<?> extractor = provider().open(options())) {
      float[][] features = extract(extractor, samples());

      assertEquals(provider().dimension(), extractor.dimension(), "provider vs extractor");
      assertEquals(samples().size(), features.length, "one row per sample");
      for (float[] row : features) {
        assertEquals(extractor.dimension(), row.length, "row length");
      }
    }
  }

  @Test
  void sampleTypeMatches() throws IOException {
    try (FeatureExtractor<?> extractor = provider().open(options())) {
      assertEquals(provider().sampleType(), extractor.sampleType());
      for (Object sample : samples()) {
        assertTrue(extractor.sampleType().isInstance(sample), "sample of " + sample.getClass());
      }
    }
  }

  @Test
  void batchSizeInvariant() throws IOException {
    try (FeatureExtractor<?> extractor = provider().open(options())) {
      float[][] together = extract(extractor, samples());
      List<float[]> oneByOne = new ArrayList<>();
      for (Object sample : samples()) {
        oneByOne.add(extract(extractor, List.of(sample))[0]);
      }

      for (int i = 0; i < together.length; i++) {
        for (int j = 0; j < together[i].length; j++) {
          ConformanceSupport.assertClose(
              together[i][j],
              oneByOne.get(i)[j],
              BATCH_RTOL,
              BATCH_ATOL,
              "sample " + i + ", feature " + j);
        }
      }
    }
  }

  @Test
  void deterministic() throws IOException {
    float[][] first;
    float[][] second;
    try (FeatureExtractor<?> extractor = provider().open(options())) {
      first = extract(extractor, samples());
    }
    try (FeatureExtractor<?> extractor = provider().open(options())) {
      second = extract(extractor, samples());
    }

    for (int i = 0; i < first.length; i++) {
      for (int j = 0; j < first[i].length; j++) {
        ConformanceSupport.assertClose(
            first[i][j], second[i][j], BATCH_RTOL, BATCH_ATOL, "sample " + i + ", feature " + j);
      }
    }
  }

  @Test
  void provenanceFieldsSet() throws IOException {
    try (FeatureExtractor<?> extractor = provider().open(options())) {
      assertFalse(extractor.preprocessing().isBlank(), "preprocessing spec");
      assertFalse(extractor.modelChecksum().isBlank(), "model checksum");
    }
  }

  @Test
  void closeIdempotent() throws IOException {
    FeatureExtractor<?> extractor = provider().open(options());
    extract(extractor, samples());

    extractor.close();

    assertDoesNotThrow(extractor::close);
  }

  @Test
  void closeWithoutUse() throws IOException {
    FeatureExtractor<?> extractor = provider().open(options());

    extractor.close();

    assertDoesNotThrow(extractor::close);
  }
}
