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
  private static final int USER_TIME_FIELD = 11;
  private static final int SYSTEM_TIME_FIELD = 12;
  private static final long NANOS_PER_TICK = 10_000_000L;

  @Test
  void fidAndPrecisionAtScale() throws IOException {
    FeatureSet train = gaussian(TRAIN_ROWS, 1);
    FeatureSet gen = gaussian(GEN_ROWS, 2);

    for (String metric : new String[] {"fid", "precision"}) {
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      MetricResult result =
          CompanionMetrics.providers().stream()
              .filter(p -> p.name().equals(metric))
              .findFirst()
              .orElseThrow()
              .create(MetricOptions.defaults())
              .compute(train, null, gen);
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "benchmark %s = %.6g in %.2f s wall, %.2f s process CPU, peak RSS %s%n",
          metric,
          result.value(),
          seconds,
          cpuSeconds,
          peakResidentSetSize());
      assertTrue(Double.isFinite(result.value()));
    }
  }

  /**
   * Returns the user plus system CPU time of all threads of this process from {@code
   * /proc/self/stat}, assuming 100 clock ticks per second, or -1 where that file is missing. On a
   * shared machine it shows the work done, which the wall time does not; OpenBLAS threads that spin
   * while waiting add to it.
   */
  private static long processCpuNanos() throws IOException {
    Path stat = Path.of("/proc/self/stat");
    if (!Files.isReadable(stat)) {
      return -1;
    }
    String content = Files.readString(stat);
    // Fields after the parenthesized command name; utime and stime are fields 14 and 15.
    String[] fields = content.substring(content.lastIndexOf(')') + 2).split(" ");
    long ticks =
        Long.parseLong(fields[USER_TIME_FIELD]) + Long.parseLong(fields[SYSTEM_TIME_FIELD]);
    return ticks * NANOS_PER_TICK;
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
