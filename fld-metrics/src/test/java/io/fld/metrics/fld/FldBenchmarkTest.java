package io.fld.metrics.fld;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Times {@code fld} at the benchmark size (train 50000, test 10000, gen 10000, d 768) on synthetic
 * mixture features. It takes minutes and gigabytes, so it runs only with {@code
 * -Dfld.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "fld.benchmark", matches = "true")
class FldBenchmarkTest {
  private static final int DIMENSION = 768;
  private static final int MODES = 10;

  @Test
  void benchmarkSizeRuns() throws IOException {
    double[][] means = modeMeans(new SplittableRandom(99));
    FeatureSet train = mixture("train", 50_000, means, 1);
    FeatureSet test = mixture("test", 10_000, means, 2);
    FeatureSet gen = mixture("gen", 10_000, means, 3);

    long start = System.nanoTime();
    MetricResult result =
        FldMetrics.providers().get(0).create(MetricOptions.defaults()).compute(train, test, gen);
    double seconds = (System.nanoTime() - start) / 1e9;

    System.out.printf(
        "fld = %.4f in %.1f s, peak RSS %s, %s%n",
        result.value(), seconds, peakResidentSize(), result.provenance().parameters());
    assertTrue(Double.isFinite(result.value()));
  }

  /** Times each phase of {@code fld} in process CPU seconds, which other load does not inflate. */
  @Test
  void phasesCpuTime() {
    double[][] means = modeMeans(new SplittableRandom(99));
    FeatureSet train = mixture("train", 50_000, means, 1);
    FeatureSet test = mixture("test", 10_000, means, 2);
    FeatureSet gen = mixture("gen", 10_000, means, 3);
    FldSettings settings =
        FldSettings.parse("metric fld", MetricOptions.defaults(), FldKind.TEST.options());
    CpuClock clock = new CpuClock();

    FldEngine.Standardized sets = FldEngine.standardize("fld", train, test, gen);
    clock.lap("standardize");
    Rows shuffled = sets.train().shuffled(new SplittableRandom(0));
    SquaredDistances.forEachBlock(shuffled, sets.gen(), (first, count, block) -> {});
    clock.lap("distances alone");
    DistanceCache cache =
        DistanceCache.build(
            shuffled,
            sets.gen(),
            settings.distanceCacheBytes(),
            settings.neighbors(),
            settings.fitDistances());
    clock.lap("distance cache");
    MixtureFit.Result fit = MixtureFit.fit(shuffled, sets.gen(), settings.fit(), cache);
    clock.lap("fit, " + fit.epochs() + " epochs");
    double nll =
        MixtureScorer.meanNegativeLogLikelihood(sets.test(), sets.gen(), fit.logVariances());
    clock.lap("test NLL " + nll);
  }

  /** Process CPU time between laps. */
  private static final class CpuClock {
    /** Linux's USER_HZ, the unit of the CPU times in /proc. */
    private static final double TICKS_PER_SECOND = 100;

    private long last = cpu();
    private long wall = System.nanoTime();

    /** Returns user plus system CPU time of this process in nanoseconds, from /proc/self/stat. */
    private static long cpu() {
      try {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return (long) (ticks / TICKS_PER_SECOND * 1e9);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    void lap(String phase) {
      long now = cpu();
      long wallNow = System.nanoTime();
      System.out.printf(
          "%s: %.1f s CPU, %.1f s wall%n", phase, (now - last) / 1e9, (wallNow - wall) / 1e9);
      last = now;
      wall = wallNow;
    }
  }

  private static double[][] modeMeans(SplittableRandom random) {
    double[][] means = new double[MODES][DIMENSION];
    for (double[] mean : means) {
      for (int c = 0; c < DIMENSION; c++) {
        mean[c] = 2 * normal(random);
      }
    }
    return means;
  }

  private static FeatureSet mixture(String name, int rows, double[][] means, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[rows * DIMENSION];
    for (int i = 0; i < rows; i++) {
      double[] mean = means[random.nextInt(MODES)];
      for (int c = 0; c < DIMENSION; c++) {
        values[i * DIMENSION + c] = (float) (mean[c] + normal(random));
      }
    }
    return FeatureSet.wrap(
        values, rows, DIMENSION, io.fld.api.feature.FeatureProvenance.ofSource(name));
  }

  private static double normal(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** Returns the process's peak resident set size as Linux reports it, or "unknown". */
  private static String peakResidentSize() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "unknown";
    }
    return Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("VmHWM"))
        .map(line -> line.substring("VmHWM:".length()).trim())
        .findFirst()
        .orElse("unknown");
  }
}
