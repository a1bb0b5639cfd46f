package io.fld.cli;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fld evaluate}: computes metrics from the train, test and generated sets. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = FldCommand.VersionProvider.class,
    description = "Compute metrics from train, test and generated samples or features.")
final class EvaluateCommand implements Callable<Integer> {
  private static final System.Logger LOG = System.getLogger(EvaluateCommand.class.getName());
  private static final double NANOS_PER_SECOND = 1e9;

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin GlobalOptions global;
  @Mixin InputOptions inputs;
  @Mixin ExtractionSettings extraction;

  @Option(
      names = "--metrics",
      split = ",",
      paramLabel = "ID",
      description = "Metric ids, comma-separated (default: every metric the given sets allow).")
  List<String> metricIds;

  @Option(
      names = "--option",
      paramLabel = "METRIC.NAME=VALUE",
      description = "A metric option, such as fld.gen-size=5000 (repeatable; see fld list).")
  List<String> metricOptions = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "table|json|csv",
      defaultValue = "table",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the report to FILE instead of stdout.")
  Path output;

  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      description =
          "Also write a self-contained HTML report with image galleries; needs image folders"
              + " for --train, --test and --gen.")
  Path htmlReport;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + MetricOptions.DEFAULT_SEED,
      description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
  long seed;

  EvaluateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    if (output != null) {
      AtomicFiles.check("--output", output);
    }
    if (htmlReport != null) {
      AtomicFiles.check("--report", htmlReport);
    }
    List<InputSpec> specs = inputs.check(extraction.hasExtractor());
    checkOutputsAgainst(specs);
    if (metricIds != null && metricIds.isEmpty()) {
      throw new InvalidInputException(
          "--metrics contains no metric id; give ids separated by commas (see fld list) or leave"
              + " --metrics out to compute every metric the sets allow");
    }
    Set<Role> given = EnumSet.noneOf(Role.class);
    specs.forEach(spec -> given.add(spec.role()));
    MetricSelection selection =
        MetricSelection.select(
            context.registry(),
            metricIds == null ? List.of() : metricIds,
            KeyValueOptions.parse("--option", metricOptions),
            seed,
            given);
    UnusedOptions.warn(spec.commandLine().getParseResult(), specs);
    if (htmlReport != null) {
      EvaluationHtml.requireMetrics(selection.metrics().keySet());
    }
    LOG.log(
        System.Logger.Level.INFO,
        "computing {0} with seed {1}",
        String.join(", ", selection.metrics().keySet()),
        String.valueOf(seed));

    FeatureLoader loader = new FeatureLoader(context, extraction, inputs);
    Map<Role, FeatureLoader.Loaded> loaded = loader.load(specs);

    boolean extracted = specs.stream().anyMatch(InputSpec::folder);
    if (htmlReport != null) {
      EvaluationHtml.checkScores(
          context,
          features(loaded, Role.TRAIN),
          features(loaded, Role.TEST),
          features(loaded, Role.GEN));
    }
    EvaluationReport report = evaluate(selection, loaded, extracted);
    write(format.render(report));
    if (htmlReport != null) {
      double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
      EvaluationHtml.write(htmlReport, context, specs, loaded, report, seconds);
      LOG.log(System.Logger.Level.INFO, "wrote the HTML report {0}", htmlReport);
    }
    report
        .errors()
        .forEach((id, message) -> context.err().println("fld: error: " + id + ": " + message));
    if (report.results().isEmpty() && !report.errors().isEmpty()) {
      context
          .err()
          .println(
              "fld: no metric was computed; fix the input or leave the failing metrics out of"
                  + " --metrics");
    }
    return report.errors().isEmpty() ? Main.OK : Main.INVALID_INPUT;
  }

  /**
   * Checks that no output replaces an input, and that the inputs and the extractor suit the HTML
   * report when one is requested.
   */
  private void checkOutputsAgainst(List<InputSpec> specs) {
    if (output != null) {
      AtomicFiles.requireNotInput("--output", output, specs);
    }
    if (htmlReport != null) {
      AtomicFiles.requireNotInput("--report", htmlReport, specs);
      Class<?> sampleType =
          extraction.hasExtractor()
              ? context.registry().extractor(extraction.extractorId()).sampleType()
              : null;
      EvaluationHtml.requireFolders(specs, sampleType);
    }
  }

  private void write(String text) throws java.io.IOException {
    if (output == null) {
      context.out().print(text);
      return;
    }
    AtomicFiles.write(output, text);
    LOG.log(System.Logger.Level.INFO, "wrote {0}", output);
  }

  private EvaluationReport evaluate(
      MetricSelection selection, Map<Role, FeatureLoader.Loaded> loaded, boolean extracted) {
    FeatureSet train = features(loaded, Role.TRAIN);
    FeatureSet test = features(loaded, Role.TEST);
    FeatureSet gen = features(loaded, Role.GEN);

    Map<String, MetricResult> results = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>(selection.warnings());
    Map<String, String> errors = checkInputs(selection, train, test, gen);
    // A rejected metric stops the command before any long computation, so nothing is computed,
    // and every other metric is listed as not computed, so that output readers can tell it from
    // a metric that was not requested.
    Map<String, Metric> pending = errors.isEmpty() ? selection.metrics() : Map.of();
    if (!errors.isEmpty()) {
      String rejecting = String.join(", ", errors.keySet());
      for (String id : selection.metrics().keySet()) {
        errors.putIfAbsent(id, "not computed, because " + rejecting + " rejected the input");
      }
    }
    for (Map.Entry<String, Metric> entry : pending.entrySet()) {
      String id = entry.getKey();
      long start = System.nanoTime();
      MetricResult result;
      try {
        result = entry.getValue().compute(train, test, gen);
      } catch (InvalidInputException e) {
        errors.put(id, e.getMessage());
        continue;
      }
      double elapsed = (System.nanoTime() - start) / NANOS_PER_SECOND;
      LOG.log(
          System.Logger.Level.INFO,
          "{0} = {1} ({2} s)",
          id,
          String.valueOf(result.value()),
          String.format(java.util.Locale.ROOT, "%.3f", elapsed));
      if (!finite(result)) {
        errors.put(id, nonFinite(result, loaded));
        continue;
      }
      results.put(id, result);
      seconds.put(id, elapsed);
      result.warnings().forEach(warning -> warnings.add(id + ": " + warning));
    }

    Map<Role, Integer> counts = new EnumMap<>(Role.class);
    Map<Role, FeatureProvenance> provenance = new EnumMap<>(Role.class);
    loaded.forEach(
        (role, set) -> {
          counts.put(role, set.features().rows());
          provenance.put(role, set.features().provenance());
        });
    String extractor = extracted ? extraction.extractorId() : FeatureProvenance.NONE;
    return new EvaluationReport(
        results, errors, counts, provenance, extractor, seed, warnings, seconds);
  }

  /** Returns the message of each metric that rejects the sets, by metric id. */
  private static Map<String, String> checkInputs(
      MetricSelection selection, FeatureSet train, FeatureSet test, FeatureSet gen) {
    Map<String, String> errors = new LinkedHashMap<>();
    selection
        .metrics()
        .forEach(
            (id, metric) -> {
              try {
                metric.checkInputs(train, test, gen);
              } catch (InvalidInputException e) {
                errors.put(id, e.getMessage());
              }
            });
    return errors;
  }

  private static boolean finite(MetricResult result) {
    return Double.isFinite(result.value())
        && result.extras().values().stream().allMatch(Double::isFinite);
  }

  private static String nonFinite(MetricResult result, Map<Role, FeatureLoader.Loaded> loaded) {
    String name = result.metricId();
    double value = result.value();
    if (Double.isFinite(value)) {
      for (Map.Entry<String, Double> extra : result.extras().entrySet()) {
        if (!Double.isFinite(extra.getValue())) {
          name = extra.getKey();
          value = extra.getValue();
          break;
        }
      }
    }
    return name
        + " is not a finite number ("
        + value
        + "); check the features' scale: the largest absolute feature value is "
        + largestMagnitude(loaded);
  }

  private static double largestMagnitude(Map<Role, FeatureLoader.Loaded> loaded) {
    double largest = 0;
    for (FeatureLoader.Loaded set : loaded.values()) {
      FeatureSet features = set.features();
      for (int row = 0; row < features.rows(); row++) {
        for (int column = 0; column < features.dimension(); column++) {
          largest = Math.max(largest, Math.abs(features.get(row, column)));
        }
      }
    }
    return largest;
  }

  private static FeatureSet features(Map<Role, FeatureLoader.Loaded> loaded, Role role) {
    FeatureLoader.Loaded set = loaded.get(role);
    return set == null ? null : set.features();
  }
}
