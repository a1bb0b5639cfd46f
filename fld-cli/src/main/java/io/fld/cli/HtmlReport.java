package io.fld.cli;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.metric.MetricResult;
import io.fld.core.Versions;
import io.fld.core.extract.ExtractedFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The demo's report as one self-contained HTML file: images are inline base64 data URIs and the
 * chart is inline SVG, so the page needs no network and no script.
 *
 * <p>It contains the metric table with its provenance, a chart of fidelity, diversity and novelty,
 * and per generator the most memorized samples, each beside its exact nearest training image in
 * feature space, and the samples of best and worst quality. Gallery entries carry {@code data-*}
 * attributes (generator, sample row and name, nearest training row and name, distance, score), so
 * tools can check them.
 */
final class HtmlReport {
  /** The default number of samples per gallery. */
  static final int DEFAULT_GALLERY_SIZE = 8;

  private static final String STYLE =
      "body{font-family:sans-serif;margin:2em;max-width:1100px}"
          + "table{border-collapse:collapse;margin:1em 0}"
          + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
          + "td.text,th.text{text-align:left}"
          + "figure{display:inline-block;margin:4px;padding:4px;border:1px solid #ddd;"
          + "font-size:11px;text-align:center}"
          + "figure img{width:56px;height:56px;image-rendering:pixelated}"
          + ".pair img{margin:0 2px}";

  private final String title;
  private final Path trainFolder;
  private final Path testFolder;
  private final ExtractedFeatures train;
  private final ExtractedFeatures test;
  private final List<GeneratorEvaluation> evaluations;
  private final DemoTable table;
  private final long seed;
  private final int gallerySize;
  private final double seconds;

  HtmlReport(
      String title,
      Path trainFolder,
      Path testFolder,
      ExtractedFeatures train,
      ExtractedFeatures test,
      List<GeneratorEvaluation> evaluations,
      DemoTable table,
      long seed,
      int gallerySize,
      double seconds) {
    this.title = title;
    this.trainFolder = trainFolder;
    this.testFolder = testFolder;
    this.train = train;
    this.test = test;
    this.evaluations = List.copyOf(evaluations);
    this.table = table;
    this.seed = seed;
    this.gallerySize = gallerySize;
    this.seconds = seconds;
  }

  /** Returns the whole page. */
  String render() throws IOException {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(Html.escape(title))
        .append("</h1>\n");
    metricTable(html);
    warnings(html);
    provenance(html);
    html.append("<h2>Fidelity, diversity and novelty</h2>\n")
        .append(ReportChart.render(evaluations));
    for (GeneratorEvaluation evaluation : evaluations) {
      gallery(html, evaluation);
    }
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private void metricTable(StringBuilder html) {
    html.append("<h2>Metrics</h2>\n<p>Lower is better for fld, fid, fid_test and kid; higher for")
        .append(" precision, recall and authpct. A strongly negative fld_gap or ct means the")
        .append(" samples are closer to the training images than new images would be.</p>\n")
        .append("<table id=\"metrics\">\n<tr><th class=\"text\">generator</th>");
    for (String id : table.metricIds()) {
      html.append("<th>").append(Html.escape(id)).append("</th>");
    }
    html.append("<th>FLD rank</th><th class=\"text\">reading</th></tr>\n");
    for (GeneratorEvaluation evaluation : evaluations) {
      String name = Html.escape(evaluation.name());
      html.append("<tr data-generator=\"").append(name).append("\"><td class=\"text\">");
      html.append(name).append("</td>");
      for (String id : table.metricIds()) {
        html.append(
            String.format(
                Locale.ROOT,
                "<td data-metric=\"%s\" data-value=\"%s\">%s</td>",
                Html.escape(id),
                evaluation.value(id),
                Html.escape(DemoTable.format(evaluation, id))));
      }
      html.append("<td>").append(table.fldRank(evaluation.name())).append("</td>");
      html.append("<td class=\"text\">")
          .append(Html.escape(table.reading(evaluation)))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private void warnings(StringBuilder html) {
    List<String> lines = new ArrayList<>();
    for (GeneratorEvaluation evaluation : evaluations) {
      for (MetricResult result : evaluation.metrics().values()) {
        for (String warning : result.warnings()) {
          lines.add(evaluation.name() + ", " + result.metricId() + ": " + warning);
        }
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    html.append("<h3>Warnings</h3>\n<ul id=\"warnings\">\n");
    for (String line : lines) {
      html.append("<li>").append(Html.escape(line)).append("</li>\n");
    }
    html.append("</ul>\n");
  }

  private void provenance(StringBuilder html) {
    FeatureProvenance features = train.features().provenance();
    html.append("<h2>Provenance</h2>\n<table id=\"provenance\">\n");
    row(html, "extractor", features.extractorId());
    row(html, "model SHA-256", features.modelChecksum());
    row(html, "preprocessing", features.preprocessing());
    row(html, "train images", train.features().rows() + " in " + trainFolder);
    row(html, "test images", test.features().rows() + " in " + testFolder);
    for (GeneratorEvaluation evaluation : evaluations) {
      row(
          html,
          "generated: " + evaluation.name(),
          evaluation.features().features().rows() + " in " + evaluation.folder());
    }
    row(html, "seed", Long.toString(seed));
    for (Map.Entry<String, String> version : Versions.all().entrySet()) {
      row(html, "version: " + version.getKey(), version.getValue());
    }
    row(html, "run time", String.format(Locale.ROOT, "%.1f s", seconds));
    html.append("</table>\n");
  }

  private static void row(StringBuilder html, String key, String value) {
    html.append("<tr><th class=\"text\">")
        .append(Html.escape(key))
        .append("</th><td class=\"text\">")
        .append(Html.escape(value))
        .append("</td></tr>\n");
  }

  private void gallery(StringBuilder html, GeneratorEvaluation evaluation) throws IOException {
    String name = Html.escape(evaluation.name());
    html.append("<h2>Generator ").append(name).append("</h2>\n");
    html.append("<h3>Most memorized samples, each beside its nearest training image</h3>\n");
    html.append("<div class=\"memorized\" data-generator=\"").append(name).append("\">\n");
    for (int row : top(evaluation.memorization(), gallerySize, true)) {
      memorizedPair(html, evaluation, row);
    }
    html.append("</div>\n<h3>Best samples by quality score</h3>\n<div class=\"best\">\n");
    for (int row : top(evaluation.quality(), gallerySize, true)) {
      sample(html, evaluation, row, "quality", evaluation.quality()[row]);
    }
    html.append("</div>\n<h3>Worst samples by quality score</h3>\n<div class=\"worst\">\n");
    for (int row : top(evaluation.quality(), gallerySize, false)) {
      sample(html, evaluation, row, "quality", evaluation.quality()[row]);
    }
    html.append("</div>\n");
  }

  private void memorizedPair(StringBuilder html, GeneratorEvaluation evaluation, int row)
      throws IOException {
    ExtractedFeatures gen = evaluation.features();
    NearestNeighbour nearest = NearestNeighbour.find(gen.features().row(row), train.features());
    String genName = gen.sampleNames().get(row);
    String trainName = train.sampleNames().get(nearest.index());
    double score = evaluation.memorization()[row];
    html.append(
        String.format(
            Locale.ROOT,
            "<figure class=\"pair\" data-generator=\"%s\" data-gen-index=\"%d\""
                + " data-gen-name=\"%s\" data-train-index=\"%d\" data-train-name=\"%s\""
                + " data-distance=\"%s\" data-memorization=\"%s\">",
            Html.escape(evaluation.name()),
            row,
            Html.escape(genName),
            nearest.index(),
            Html.escape(trainName),
            nearest.distance(),
            score));
    html.append(Html.image(evaluation.folder().resolve(genName), "generated " + genName));
    html.append(Html.image(trainFolder.resolve(trainName), "training " + trainName));
    html.append(
        String.format(
            Locale.ROOT,
            "<figcaption>%s | %s<br>memorization %.3f, distance %.3f</figcaption></figure>%n",
            Html.escape(genName),
            Html.escape(trainName),
            score,
            nearest.distance()));
  }

  private static void sample(
      StringBuilder html, GeneratorEvaluation evaluation, int row, String label, double score)
      throws IOException {
    String genName = evaluation.features().sampleNames().get(row);
    html.append(
        String.format(
            Locale.ROOT,
            "<figure data-gen-index=\"%d\" data-gen-name=\"%s\" data-%s=\"%s\">",
            row,
            Html.escape(genName),
            label,
            score));
    html.append(Html.image(evaluation.folder().resolve(genName), "generated " + genName));
    html.append(
        String.format(
            Locale.ROOT,
            "<figcaption>%s<br>%s %.3f</figcaption></figure>%n",
            Html.escape(genName),
            label,
            score));
  }

  /** Returns the rows of the {@code count} highest (or lowest) scores, best first. */
  private static List<Integer> top(double[] scores, int count, boolean highest) {
    Comparator<Integer> order = Comparator.comparingDouble(row -> scores[row]);
    return IntStream.range(0, scores.length)
        .boxed()
        .sorted(highest ? order.reversed() : order)
        .limit(count)
        .toList();
  }
}
