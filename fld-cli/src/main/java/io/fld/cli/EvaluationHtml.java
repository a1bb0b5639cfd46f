package io.fld.cli;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.Role;
import io.fld.api.sample.RgbImage;
import io.fld.core.extract.ExtractedFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the HTML report of {@code fld evaluate --report}: the demo's report for one generator,
 * with the per-sample memorization and quality scores computed on top of the metrics.
 */
final class EvaluationHtml {
  private static final String MEMORIZATION = "memorization";
  private static final String QUALITY = "quality";
  private static final String FLD = "fld";

  /**
   * The metrics that the report's readings and chart read for one generator; FID's rank enters only
   * pages that compare several generators.
   */
  static final List<String> REPORT_METRICS =
      List.of("fld", "fld_gap", "precision", "recall", "authpct", "ct");

  private static final List<Role> NEEDED = List.of(Role.TRAIN, Role.TEST, Role.GEN);

  private EvaluationHtml() {}

  /**
   * Checks that the train, test and generated sets are image folders, which the galleries show, and
   * that the extractor, if any, reads images.
   *
   * @param sampleType the sample type of the extractor, or null when none was given
   * @throws InvalidInputException naming the first set that is missing, a feature file or an
   *     archive, or the extractor's sample type
   */
  static void requireFolders(List<InputSpec> specs, Class<?> sampleType) {
    if (sampleType != null && !RgbImage.class.isAssignableFrom(sampleType)) {
      throw new InvalidInputException(
          "--report shows image galleries, but the extractor reads "
              + sampleType.getSimpleName()
              + " samples; leave out --report");
    }
    Map<Role, InputSpec> byRole = byRole(specs);
    for (Role role : NEEDED) {
      InputSpec spec = byRole.get(role);
      if (spec != null && spec.folder() && !Files.isDirectory(spec.path())) {
        throw new InvalidInputException(
            "--report needs image folders for --train, --test and --gen, because its galleries"
                + " link to the image files, but --"
                + role.label()
                + " "
                + spec.path()
                + " is not a folder; unpack it into a folder, or leave out --report");
      }
      if (spec == null || !spec.folder()) {
        String given = spec == null ? "is missing" : "is the feature file " + spec.path();
        throw new InvalidInputException(
            "--report needs image folders for --train, --test and --gen, because its galleries"
                + " show the images, but --"
                + role.label()
                + " "
                + given
                + "; give folders with --extractor ID, or leave out --report");
      }
    }
  }

  /** Computes the per-sample scores and writes the report to {@code file}. */
  static void write(
      Path file,
      CliContext context,
      List<InputSpec> specs,
      Map<Role, FeatureLoader.Loaded> loaded,
      EvaluationReport report,
      double seconds)
      throws IOException {
    Map<Role, InputSpec> byRole = byRole(specs);
    ExtractedFeatures train = named(loaded.get(Role.TRAIN));
    ExtractedFeatures test = named(loaded.get(Role.TEST));
    ExtractedFeatures gen = named(loaded.get(Role.GEN));
    MetricOptions options = MetricOptions.of(Map.of(), report.seed());
    double[] memorization = scores(context, MEMORIZATION, train, test, gen, options);
    double[] quality = scores(context, QUALITY, train, test, gen, options);

    Path genFolder = byRole.get(Role.GEN).path();
    String name = genFolder.toAbsolutePath().normalize().getFileName().toString();
    GeneratorEvaluation evaluation =
        new GeneratorEvaluation(name, genFolder, gen, report.results(), memorization, quality);
    DemoTable table =
        new DemoTable(List.of(evaluation), new ArrayList<>(report.results().keySet()));
    HtmlReport html =
        new HtmlReport(
            "FLD report: " + name,
            byRole.get(Role.TRAIN).path(),
            byRole.get(Role.TEST).path(),
            train,
            test,
            List.of(evaluation),
            table,
            report.seed(),
            HtmlReport.DEFAULT_GALLERY_SIZE,
            seconds);
    AtomicFiles.write(file, html.render());
  }

  /**
   * Checks that the metrics to compute include every one the report reads, so that its readings and
   * chart never rest on a metric that was not computed.
   *
   * @throws InvalidInputException listing the missing metrics
   */
  static void requireMetrics(Set<String> selected) {
    List<String> missing = REPORT_METRICS.stream().filter(id -> !selected.contains(id)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "--report reads the metrics "
              + String.join(", ", REPORT_METRICS)
              + ", but --metrics leaves out "
              + String.join(", ", missing)
              + "; add them to --metrics, leave --metrics out, or leave out --report");
    }
  }

  /**
   * Checks, before any metric computes, that the per-sample scores of the report can be computed.
   * They come from the FLD mixture, so the {@code fld} metric's input checks apply to them.
   *
   * @throws InvalidInputException saying that the report needs the scores, with the reason
   */
  static void checkScores(CliContext context, FeatureSet train, FeatureSet test, FeatureSet gen) {
    boolean fldRegistered =
        context.registry().metrics().stream().anyMatch(metric -> metric.name().equals(FLD));
    if (!fldRegistered) {
      return;
    }
    try {
      context.registry().metric(FLD).create(MetricOptions.defaults()).checkInputs(train, test, gen);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "--report sorts its galleries by per-sample scores of the FLD mixture, which cannot be"
              + " computed from these sets: "
              + e.getMessage()
              + "; fix the input or leave out --report",
          e);
    }
  }

  /**
   * Computes the per-sample scores of {@code kind} that the report's galleries sort by.
   *
   * @throws InvalidInputException saying that the report needs them, with the score kind's reason
   */
  private static double[] scores(
      CliContext context,
      String kind,
      ExtractedFeatures train,
      ExtractedFeatures test,
      ExtractedFeatures gen,
      MetricOptions options) {
    try {
      return context
          .registry()
          .sampleScore(kind)
          .score(train.features(), test.features(), gen.features(), options);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "--report sorts its galleries by the per-sample "
              + kind
              + " scores, which cannot be computed from these sets: "
              + e.getMessage()
              + "; fix the input or leave out --report",
          e);
    }
  }

  private static ExtractedFeatures named(FeatureLoader.Loaded set) {
    return new ExtractedFeatures(set.features(), set.sampleNames());
  }

  private static Map<Role, InputSpec> byRole(List<InputSpec> specs) {
    Map<Role, InputSpec> byRole = new EnumMap<>(Role.class);
    specs.forEach(spec -> byRole.put(spec.role(), spec));
    return byRole;
  }
}
