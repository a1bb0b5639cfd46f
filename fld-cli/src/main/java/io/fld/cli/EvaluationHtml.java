package io.fld.cli;

import io.fld.api.InvalidInputException;
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

/**
 * Writes the HTML report of {@code fld evaluate --report}: the demo's report for one generator,
 * with the per-sample memorization and quality scores computed on top of the metrics.
 */
final class EvaluationHtml {
  private static final String MEMORIZATION = "memorization";
  private static final String QUALITY = "quality";
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
    double[] memorization =
        context
            .registry()
            .sampleScore(MEMORIZATION)
            .score(train.features(), test.features(), gen.features(), options);
    double[] quality =
        context
            .registry()
            .sampleScore(QUALITY)
            .score(train.features(), test.features(), gen.features(), options);

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

  private static ExtractedFeatures named(FeatureLoader.Loaded set) {
    return new ExtractedFeatures(set.features(), set.sampleNames());
  }

  private static Map<Role, InputSpec> byRole(List<InputSpec> specs) {
    Map<Role, InputSpec> byRole = new EnumMap<>(Role.class);
    specs.forEach(spec -> byRole.put(spec.role(), spec));
    return byRole;
  }
}
