package io.fld.cli;

import java.util.List;
import java.util.Locale;

/**
 * An inline SVG scatter chart of the generators: fidelity (precision) across, diversity (recall)
 * up, and novelty (AuthPct) as the color of each point, from red (copies) to green (novel).
 */
final class ReportChart {
  private static final int WIDTH = 560;
  private static final int HEIGHT = 420;
  private static final int MARGIN = 60;
  private static final int TICKS = 5;
  private static final int POINT_RADIUS = 9;
  private static final double AUTHPCT_MIN = -50;
  private static final double AUTHPCT_MAX = 50;
  private static final double HUE_GREEN = 120;

  private ReportChart() {}

  /** Returns the chart as an {@code svg} element. */
  static String render(List<GeneratorEvaluation> evaluations) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"fidelity, diversity and"
                + " novelty of each generator\">%n",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    axes(svg);
    for (GeneratorEvaluation evaluation : evaluations) {
      point(svg, evaluation);
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void axes(StringBuilder svg) {
    int plotRight = WIDTH - MARGIN;
    int plotBottom = HEIGHT - MARGIN;
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>%n",
            MARGIN,
            MARGIN,
            plotRight - MARGIN,
            plotBottom - MARGIN));
    for (int i = 0; i <= TICKS; i++) {
      double value = (double) i / TICKS;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%.1f</text>%n",
              x(value),
              plotBottom + 16,
              value));
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.1f</text>%n",
              MARGIN - 6,
              y(value) + 4,
              value));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\">fidelity:"
                + " precision</text>%n",
            WIDTH / 2,
            HEIGHT - 18));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"16\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 16 %d)\">diversity: recall</text>%n",
            HEIGHT / 2,
            HEIGHT / 2));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"12\">novelty (AuthPct): color from red (-50,"
                + " copies) to green (+50, novel)</text>%n",
            MARGIN,
            MARGIN - 14));
  }

  private static void point(StringBuilder svg, GeneratorEvaluation evaluation) {
    double precision = clamp(evaluation.value("precision"), 0, 1);
    double recall = clamp(evaluation.value("recall"), 0, 1);
    double authpct = evaluation.value("authpct");
    double share =
        (clamp(authpct, AUTHPCT_MIN, AUTHPCT_MAX) - AUTHPCT_MIN) / (AUTHPCT_MAX - AUTHPCT_MIN);
    String name = Html.escape(evaluation.name());
    svg.append(
        String.format(
            Locale.ROOT,
            "<g data-generator=\"%s\"><title>%s: precision %.3f, recall %.3f, AuthPct %.1f,"
                + " fld_gap %.2f</title>%n",
            name,
            name,
            precision,
            recall,
            authpct,
            evaluation.value("fld_gap")));
    svg.append(
        String.format(
            Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"hsl(%.0f,70%%,45%%)\""
                + " stroke=\"#222\"/>%n",
            x(precision),
            y(recall),
            POINT_RADIUS,
            share * HUE_GREEN));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">%s</text></g>%n",
            x(precision) + POINT_RADIUS + 3,
            y(recall) - POINT_RADIUS,
            name));
  }

  private static double x(double value) {
    return MARGIN + value * (WIDTH - 2 * MARGIN);
  }

  private static double y(double value) {
    return HEIGHT - MARGIN - value * (HEIGHT - 2 * MARGIN);
  }

  private static double clamp(double value, double low, double high) {
    return Double.isNaN(value) ? low : Math.max(low, Math.min(high, value));
  }
}
