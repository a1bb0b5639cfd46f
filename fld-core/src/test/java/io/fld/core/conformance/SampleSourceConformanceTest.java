package io.fld.core.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import io.fld.api.sample.SampleSourceProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that a sample source provider follows the contract of the SPI. Extend it, return the
 * provider and write a valid input of at least three samples into a given folder.
 */
public abstract class SampleSourceConformanceTest {
  private static final int[] BATCH_SIZES = {1, 2, 1000};

  @TempDir Path folder;

  /** Returns the provider under test. */
  protected abstract SampleSourceProvider provider();

  /** Writes a valid input of at least three samples below {@code folder} and returns its path. */
  protected abstract Path createInput(Path folder) throws IOException;

  /** Returns the options the source is opened with. */
  protected Map<String, String> options() {
    return Map.of();
  }

  private SampleSource<?> openSource() throws IOException {
    return provider().open(createInput(folder), options());
  }

  private static List<Sample<?>> readAll(SampleSource<?> source, int batchSize) throws IOException {
    List<Sample<?>> samples = new ArrayList<>();
    try (SampleCursor<?> cursor = source.open()) {
      List<? extends Sample<?>> batch;
      while (!(batch = cursor.next(batchSize)).isEmpty()) {
        assertTrue(batch.size() <= batchSize, "batch of " + batch.size() + " > " + batchSize);
        samples.addAll(batch);
      }
    }
    return samples;
  }

  private static List<String> names(List<Sample<?>> samples) {
    return samples.stream().map(Sample::name).toList();
  }

  @Test
  void nameFollowsRules() {
    String name = provider().name();

    assertTrue(ConformanceSupport.NAME.matcher(name).matches(), "invalid source name " + name);
    assertFalse(provider().description().isBlank(), "description of " + name + " is blank");
  }

  @Test
  void acceptsOwnInput() throws IOException {
    assertTrue(provider().accepts(createInput(folder)));
  }

  @Test
  void rejectsMissingPath() {
    assertFalse(provider().accepts(folder.resolve("does-not-exist")));
  }

  @Test
  void sizeMatchesSamplesRead() throws IOException {
    SampleSource<?> source = openSource();

    for (int batchSize : BATCH_SIZES) {
      assertEquals(source.size(), readAll(source, batchSize).size(), "batch size " + batchSize);
    }
  }

  @Test
  void orderStable() throws IOException {
    SampleSource<?> source = openSource();

    List<String> first = names(readAll(source, 1));
    List<String> second = names(readAll(source, BATCH_SIZES[2]));

    assertEquals(first, second);
    assertEquals(first.size(), new HashSet<>(first).size(), "sample names are not unique");
  }

  @Test
  void samplesOfDeclaredType() throws IOException {
    SampleSource<?> source = openSource();

    assertEquals(provider().sampleType(), source.sampleType());
    for (Sample<?> sample : readAll(source, BATCH_SIZES[2])) {
      assertTrue(source.sampleType().isInstance(sample.value()), "sample " + sample.name());
    }
  }

  @Test
  void fingerprintStable() throws IOException {
    Path input = createInput(folder);
    SampleSource<?> source = provider().open(input, options());

    String first = source.fingerprint();
    readAll(source, BATCH_SIZES[0]);

    assertFalse(first.isBlank());
    assertEquals(first, source.fingerprint());
    assertEquals(first, provider().open(input, options()).fingerprint());
  }

  @Test
  void skipMatchesNext() throws IOException {
    SampleSource<?> source = openSource();
    List<Sample<?>> all = readAll(source, source.size());

    try (SampleCursor<?> cursor = source.open()) {
      List<String> skipped = cursor.skip(2);
      List<? extends Sample<?>> rest = cursor.next(source.size());

      assertEquals(names(all.subList(0, 2)), skipped);
      assertEquals(names(all.subList(2, all.size())), names(List.copyOf(rest)));
      assertEquals(List.of(), cursor.skip(1));
    }
  }

  @Test
  void cursorCloseIdempotent() throws IOException {
    SampleCursor<?> cursor = openSource().open();
    cursor.next(1);

    cursor.close();

    assertDoesNotThrow(cursor::close);
  }
}
