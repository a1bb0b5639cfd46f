package io.fld.bench;

import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.core.linalg.Blas;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Times metrics on synthetic features and prints one Markdown table with the ratios to the targets
 * and to the Python reference's figures on the same case. Each metric runs in a JVM of its own, so
 * that the peak resident memory measured is the metric's own.
 *
 * <p>Usage: {@code java -cp 'fld-bench/target/fld-bench-VERSION.jar:fld-bench/target/lib/*'
 * io.fld.bench.Bench [--train N] [--test N] [--gen N] [--dim D] [--components C] [--metrics
 * fld,precision,fid] [--heap 2g] [--seed S] [--output FILE.md]}.
 *
 * <p>A first child JVM measures the speed of single-precision GEMM and of the double-precision
 * rank-k update on this machine ({@link MachineBaseline}), and the report gives each metric's time
 * beside the floor that follows from them, so that runs on different machines can be compared.
 */
public final class Bench {
  private static final String RESULT_PREFIX = "BENCH-RESULT ";

  private Bench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    if (options.containsKey("child")) {
      runChild(options);
    } else {
      runParent(options);
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("train", "50000");
    options.put("test", "10000");
    options.put("gen", "10000");
    options.put("dim", "768");
    options.put("components", String.valueOf(SyntheticFeatures.DEFAULT_COMPONENTS));
    options.put("metrics", "fid,precision,fld");
    options.put("heap", "2g");
    options.put("seed", "0");
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
      }
      String name = args[i].substring(2);
      if (name.equals("child") || name.equals("baseline")) {
        options.put(name, "true");
      } else if (i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
    }
    return options;
  }

  private static void runParent(Map<String, String> options)
      throws IOException, InterruptedException {
    System.err.println("measuring the BLAS kernels in their own JVM ...");
    MachineBaseline baseline = MachineBaseline.parse(runInChildJvm(options, List.of("--baseline")));
    List<String> rows = new ArrayList<>();
    for (String metricId : options.get("metrics").split(",")) {
      String id = metricId.trim();
      System.err.println("running " + id + " in its own JVM ...");
      Measurement measurement = Measurement.parse(runInChildJvm(options, List.of("--metric", id)));
      rows.add(row(id, measurement, baseline, options));
    }
    String report = table(options, baseline, rows);
    System.out.print(report);
    if (options.containsKey("output")) {
      Files.writeString(Path.of(options.get("output")), report, StandardCharsets.UTF_8);
    }
  }

  /** Runs this class in a child JVM with {@code arguments} and returns its result line. */
  private static String runInChildJvm(Map<String, String> options, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + options.get("heap"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Bench.class.getName());
    command.add("--child");
    for (String name : List.of("train", "test", "gen", "dim", "components", "seed")) {
      command.add("--" + name);
      command.add(options.get(name));
    }
    command.addAll(arguments);

    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String result = null;
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        if (line.startsWith(RESULT_PREFIX)) {
          result = line.substring(RESULT_PREFIX.length());
        }
      }
    }
    int status = process.waitFor();
    if (status != 0 || result == null) {
      throw new IOException("benchmark child " + arguments + " failed with exit status " + status);
    }
    return result;
  }

  private static void runChild(Map<String, String> options) throws IOException {
    int dimension = Integer.parseInt(options.get("dim"));
    if (options.containsKey("baseline")) {
      System.out.println(RESULT_PREFIX + MachineBaseline.measure(dimension).format());
      return;
    }
    long seed = Long.parseLong(options.get("seed"));
    SyntheticFeatures synthetic =
        new SyntheticFeatures(dimension, Integer.parseInt(options.get("components")), seed);
    FeatureSet train = synthetic.real("train", Integer.parseInt(options.get("train")), seed + 1);
    FeatureSet test = synthetic.real("test", Integer.parseInt(options.get("test")), seed + 2);
    FeatureSet gen = synthetic.generated("gen", Integer.parseInt(options.get("gen")), seed + 3);
    Metric metric =
        findMetric(options.get("metric")).create(MetricOptions.defaults().withSeed(seed));

    long start = System.nanoTime();
    double value = metric.compute(train, test, gen).value();
    double seconds = (System.nanoTime() - start) / 1e9;
    double peak = PeakMemory.residentMebibytes();

    // A second call in the same JVM shows the time without class loading and JIT warm-up, as in a
    // service that evaluates repeatedly.
    long warmStart = System.nanoTime();
    metric.compute(train, test, gen);
    double warmSeconds = (System.nanoTime() - warmStart) / 1e9;

    System.out.println(RESULT_PREFIX + new Measurement(seconds, warmSeconds, peak, value).format());
  }

  private static MetricProvider findMetric(String metricId) {
    List<String> available = new ArrayList<>();
    for (FldPlugin plugin : ServiceLoader.load(FldPlugin.class)) {
      for (MetricProvider provider : plugin.metrics()) {
        if (provider.name().equals(metricId)) {
          return provider;
        }
        available.add(provider.name());
      }
    }
    throw new IllegalArgumentException(
        "no metric named '" + metricId + "'; available metrics: " + available);
  }

  private static String row(
      String metricId,
      Measurement measurement,
      MachineBaseline baseline,
      Map<String, String> options) {
    Target target = Target.of(metricId).orElse(new Target(0, 0, 0, 0));
    double floor =
        baseline
            .floorSeconds(
                metricId,
                Integer.parseInt(options.get("train")),
                Integer.parseInt(options.get("test")),
                Integer.parseInt(options.get("gen")),
                Integer.parseInt(options.get("dim")))
            .orElse(0.0);
    return String.format(
        Locale.ROOT,
        "| %s | %.2f | %.2f | %.0f | %s | %s | %s | %s | %s | %s | %.6g |",
        metricId,
        measurement.seconds(),
        measurement.warmSeconds(),
        measurement.peakMebibytes(),
        floor > 0 ? String.format(Locale.ROOT, "%.2f", floor) : "-",
        ratio(measurement.seconds(), floor),
        ratio(measurement.seconds(), target.seconds()),
        ratio(measurement.peakMebibytes(), target.peakMebibytes()),
        ratio(measurement.seconds(), target.referenceSeconds()),
        ratio(measurement.peakMebibytes(), target.referencePeakMebibytes()),
        measurement.value());
  }

  private static String ratio(double measured, double baseline) {
    return baseline > 0 ? String.format(Locale.ROOT, "%.2f", measured / baseline) : "-";
  }

  private static String table(
      Map<String, String> options, MachineBaseline baseline, List<String> rows) {
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "Case: train %s, test %s, gen %s, d %s, %s components, seed %s, heap %s, %d cores,"
                + " Java %s%n",
            options.get("train"),
            options.get("test"),
            options.get("gen"),
            options.get("dim"),
            options.get("components"),
            options.get("seed"),
            options.get("heap"),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version")));
    report.append(
        String.format(
            Locale.ROOT,
            "Machine, measured in this run: sgemm %.1f GFLOP/s, dsyrk %.1f GFLOP/s (%s)%n%n",
            baseline.sgemmGflops(),
            baseline.dsyrkGflops(),
            Blas.version()));
    report.append(
        "| metric | seconds | seconds, second call | peak RSS MiB | floor s | time / floor"
            + " | time / target | memory / target | time / Python | memory / Python | value |\n");
    report.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    rows.forEach(row -> report.append(row).append('\n'));
    return report.toString();
  }

  /**
   * One child run: the metric's wall time on the first and on a second call, the JVM's peak
   * resident memory after the first call, and the value.
   */
  private record Measurement(
      double seconds, double warmSeconds, double peakMebibytes, double value) {
    String format() {
      return seconds + " " + warmSeconds + " " + peakMebibytes + " " + value;
    }

    static Measurement parse(String line) {
      String[] parts = line.trim().split(" ");
      return new Measurement(
          Double.parseDouble(parts[0]),
          Double.parseDouble(parts[1]),
          Double.parseDouble(parts[2]),
          Double.parseDouble(parts[3]));
    }
  }
}
