package io.fld.cli;

import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.Role;
import io.fld.core.extract.ExtractedFeatures;
import io.fld.core.extract.ExtractionRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fld demo}: evaluates the bundled Fashion-MNIST generators against the bundled train and
 * test images with the bundled {@code fashion-cnn} extractor, prints one row per generator with a
 * one-line reading, and writes an HTML report. Features go through the feature cache, so a rerun
 * skips extraction.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    versionProvider = FldCommand.VersionProvider.class,
    description =
        "Judge the bundled Fashion-MNIST generators (offline, CPU) and write an HTML report.")
final class DemoCommand implements Callable<Integer> {
  /** The extractor of the demo: a small Fashion-MNIST CNN whose model ships in its jar. */
  static final String EXTRACTOR = "fashion-cnn";

  /** The metrics the demo computes, in table order. */
  static final List<String> METRICS =
      List.of("fld", "fld_gap", "fid", "fid_test", "kid", "precision", "recall", "authpct", "ct");

  private static final String REPORT_TITLE = "FLD demo report: Fashion-MNIST generators";
  private static final System.Logger LOG = System.getLogger(DemoCommand.class.getName());
  private static final String MEMORIZATION = "memorization";
  private static final String QUALITY = "quality";
  private static final int BATCH_SIZE = 256;
  private static final int KID_SUBSET_SIZE = 1000;
  private static final double NANOS_PER_SECOND = 1e9;

  private final CliContext context;

  @Mixin GlobalOptions global;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Demo folder with fashion-mnist/train, fashion-mnist/test and generators/NAME"
              + " (default: demo in the repository).")
  Path data;

  @Option(
      names = "--report",
      paramLabel = "FILE.html",
      defaultValue = "demo-report.html",
      description = "Where to write the HTML report (default: ${DEFAULT-VALUE}).")
  Path report;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description = "Feature cache folder (default: $FLD_HOME/features).")
  Path cacheDirectory;

  @Option(
      names = "--gallery",
      paramLabel = "N",
      defaultValue = "" + HtmlReport.DEFAULT_GALLERY_SIZE,
      description = "Samples per gallery in the report (default: ${DEFAULT-VALUE}).")
  int gallerySize;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + MetricOptions.DEFAULT_SEED,
      description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
  long seed;

  DemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if (gallerySize < 1) {
      throw new io.fld.api.InvalidInputException(
          "--gallery must be at least 1, got " + gallerySize);
    }
    AtomicFiles.check("--report", report);
    long start = System.nanoTime();
    DemoData folders = DemoData.locate(data == null ? DemoData.defaultRoot() : data);
    ExtractedFeatures train = extract(folders.train());
    ExtractedFeatures test = extract(folders.test());

    List<GeneratorEvaluation> evaluations = new ArrayList<>();
    for (Path generator : folders.generators()) {
      evaluations.add(evaluate(generator, train.features(), test.features()));
    }

    DemoTable table = new DemoTable(evaluations, METRICS);
    context.out().print(table.render());
    double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
    HtmlReport html =
        new HtmlReport(
            REPORT_TITLE,
            folders.train(),
            folders.test(),
            train,
            test,
            evaluations,
            table,
            seed,
            gallerySize,
            seconds);
    AtomicFiles.write(report, html.render());
    context.out().printf(Locale.ROOT, "%nReport: %s (%.1f s)%n", report.toAbsolutePath(), seconds);
    return Main.OK;
  }

  private ExtractedFeatures extract(Path folder) throws IOException {
    Path cache = cacheDirectory == null ? context.config().featureCache() : cacheDirectory;
    ExtractionRequest request =
        new ExtractionRequest(
            EXTRACTOR,
            Optional.empty(),
            Optional.of(cache),
            Optional.empty(),
            BATCH_SIZE,
            0,
            "cpu",
            false,
            Map.of());
    LOG.log(System.Logger.Level.INFO, "extracting {0} features of {1}", EXTRACTOR, folder);
    return context.extraction().extractNamed(folder, request);
  }

  private GeneratorEvaluation evaluate(Path folder, FeatureSet train, FeatureSet test)
      throws IOException {
    String name = folder.getFileName().toString();
    ExtractedFeatures gen = extract(folder);
    MetricSelection selection =
        MetricSelection.select(
            context.registry(),
            METRICS,
            kidOptions(train, gen.features()),
            seed,
            EnumSet.allOf(Role.class));

    Map<String, MetricResult> results = new LinkedHashMap<>();
    for (Map.Entry<String, Metric> entry : selection.metrics().entrySet()) {
      results.put(entry.getKey(), entry.getValue().compute(train, test, gen.features()));
    }
    MetricOptions options = MetricOptions.of(Map.of(), seed);
    double[] memorization =
        context.registry().sampleScore(MEMORIZATION).score(train, test, gen.features(), options);
    double[] quality =
        context.registry().sampleScore(QUALITY).score(train, test, gen.features(), options);
    LOG.log(System.Logger.Level.INFO, "evaluated generator {0}", name);
    return new GeneratorEvaluation(name, folder, gen, results, memorization, quality);
  }

  /**
   * Returns the KID subset size that the sets allow: the usual 1000 rows, or half of the smaller
   * set when that is less, set explicitly so that small demo sets raise no warning.
   */
  private static Map<String, String> kidOptions(FeatureSet train, FeatureSet gen) {
    int size = Math.min(KID_SUBSET_SIZE, Math.min(train.rows(), gen.rows()) / 2);
    return Map.of("kid.subset-size", Integer.toString(size));
  }
}
