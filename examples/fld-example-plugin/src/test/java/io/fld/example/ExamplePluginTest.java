package io.fld.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.MetricOptions;
import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExamplePluginTest {
  private static final double TOLERANCE = 1e-12;

  @TempDir Path folder;

  @Test
  void meanShiftL2() {
    FeatureSet train = FeatureSet.of(new float[][] {{0, 0}, {2, 0}}, "train");
    FeatureSet gen = FeatureSet.of(new float[][] {{4, 4}, {4, 2}}, "gen");

    double value =
        new MeanShiftProvider().create(MetricOptions.defaults()).compute(train, null, gen).value();

    // Means (1, 0) and (4, 3): the difference (3, 3) has L2 norm sqrt(18).
    assertEquals(Math.sqrt(18), value, TOLERANCE);
  }

  @Test
  void meanShiftL1() {
    FeatureSet train = FeatureSet.of(new float[][] {{0, 0}, {2, 0}}, "train");
    FeatureSet gen = FeatureSet.of(new float[][] {{4, 4}, {4, 2}}, "gen");
    MetricOptions l1 = MetricOptions.defaults().with("norm", "l1");

    double value = new MeanShiftProvider().create(l1).compute(train, null, gen).value();

    assertEquals(6, value, TOLERANCE);
  }

  @Test
  void invalidNormRejected() {
    MetricOptions bad = MetricOptions.defaults().with("norm", "l3");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> new MeanShiftProvider().create(bad));

    assertTrue(error.getMessage().contains("'l3'"), error.getMessage());
  }

  @Test
  void csvRowsInSortedFileOrder() throws IOException {
    Files.writeString(folder.resolve("b.csv"), "5,6,7,8\n");
    Files.writeString(folder.resolve("a.csv"), "1,2,3,4\n\n0,0,0,1\n");

    SampleSource<?> source = new CsvFolderSourceProvider().open(folder, Map.of());
    List<? extends Sample<?>> samples;
    try (SampleCursor<?> cursor = source.open()) {
      samples = cursor.next(10);
    }

    assertEquals(3, source.size());
    assertEquals(
        List.of("a.csv:1", "a.csv:3", "b.csv:1"), samples.stream().map(Sample::name).toList());
    assertArrayEquals(new float[] {0, 0, 0, 1}, (float[]) samples.get(1).value());
  }

  @Test
  void badCellNamed() throws IOException {
    Files.writeString(folder.resolve("a.csv"), "1,2,x,4\n");
    SampleSource<?> source = new CsvFolderSourceProvider().open(folder, Map.of());

    InvalidInputException error;
    try (SampleCursor<?> cursor = source.open()) {
      error = assertThrows(InvalidInputException.class, () -> cursor.next(1));
    }

    assertTrue(error.getMessage().contains("a.csv:1, column 3"), error.getMessage());
  }
}
