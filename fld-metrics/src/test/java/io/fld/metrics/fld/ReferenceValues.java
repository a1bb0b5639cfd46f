package io.fld.metrics.fld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The values of the Python reference implementation in {@code reference/values.json}: per family,
 * generated set and metric, the value for seeds 0..4 with their min and max, and summaries of the
 * per-sample scores.
 */
final class ReferenceValues {
  private static final JsonNode ROOT = load();

  private ReferenceValues() {}

  private static JsonNode load() {
    try (InputStream stream = ReferenceValues.class.getResourceAsStream("/reference/values.json")) {
      return new ObjectMapper().readTree(stream);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The reference values of one metric over the seeds.
   *
   * @param min the smallest value over the seeds
   * @param max the largest value over the seeds
   * @param mean the mean over the seeds
   */
  record Spread(double min, double max, double mean) {
    /** Returns the allowed slack: the seed range, 1% of the mean or 1e-3, whichever is largest. */
    double slack() {
      return Math.max(Math.max(max - min, 0.01 * Math.abs(mean)), 1e-3);
    }

    boolean admits(double value) {
      return value >= min - slack() && value <= max + slack();
    }

    @Override
    public String toString() {
      return "[" + (min - slack()) + ", " + (max + slack()) + "]";
    }
  }

  /** Returns the spread of {@code metric} (such as {@code "FLD Test"}) for one generated set. */
  static Spread metric(String family, String set, String metric) {
    JsonNode node = ROOT.path("families").path(family).path("sets").path(set);
    JsonNode values = node.path("metrics").path(metric);
    return new Spread(
        values.path("min").asDouble(),
        values.path("max").asDouble(),
        values.path("mean").asDouble());
  }

  /**
   * Returns the spread over seeds of a per-sample summary ({@code per_seed_mean} or {@code
   * per_seed_median}) of the {@code memorization} or {@code quality} scores.
   */
  static Spread perSample(String family, String set, String kind, String summary) {
    JsonNode values =
        ROOT.path("families")
            .path(family)
            .path("sets")
            .path(set)
            .path("persample")
            .path(kind)
            .path(summary);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (JsonNode value : values) {
      min = Math.min(min, value.asDouble());
      max = Math.max(max, value.asDouble());
      sum += value.asDouble();
    }
    if (values.size() == 0) {
      throw new IllegalStateException(
          "no " + summary + " of " + kind + " for " + family + "/" + set);
    }
    return new Spread(min, max, sum / values.size());
  }
}
