package io.fld.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Times FID and precision at the sizes of a typical evaluation (train 50000, gen 10000, DINOv2's
 * 768 dimensions) on random features. Opt-in, because it runs for tens of seconds: {@code mvn test
 * -Dtest=ScaleBenchmarkTest -Dfld.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "fld.benchmark", matches = "true")
class ScaleBenchmarkTest {
  private static final int TRAIN_ROWS = 50_000;
  private static final int GEN_ROWS = 10_000;
  private static final int DIMENSION = 768;

  @Test
  void fidAndPrecisionAtScale() throws IOException {
    FeatureSet train = gaussian(TRAIN_ROWS, 1);
    FeatureSet gen = gaussian(GEN_ROWS, 2);

    for (String metric : new String[] {"fid", "precision"}) {
      long start = System.nanoTime();
      MetricResult result =
          CompanionMetrics.providers().stream()
              .filter(p -> p.name().equals(metric))
              .findFirst()
              .orElseThrow()
              .create(MetricOptions.defaults())
              .compute(train, null, gen);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "benchmark %s = %.6g in %.2f s, peak RSS %s%n",
          metric,
          result.value(),
          seconds,
          peakResidentSetSize());
      assertTrue(Double.isFinite(result.value()));
    }
  }

  private static String peakResidentSetSize() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return "unknown";
    }
    return Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("VmHWM"))
        .map(line -> line.substring("VmHWM:".length()).trim())
        .findFirst()
        .orElse("unknown");
  }

  private static FeatureSet gaussian(int rows, long seed) {
    Random random = new Random(seed);
    float[] values = new float[rows * DIMENSION];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return FeatureSet.wrap(values, rows, DIMENSION, FeatureProvenance.ofSource("gaussian"));
  }
}
