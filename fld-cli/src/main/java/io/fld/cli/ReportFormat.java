package io.fld.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fld.api.feature.FeatureProvenance;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.Role;
import io.fld.core.Versions;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The output formats of {@code fld evaluate}. */
enum ReportFormat {
  /** Aligned columns, one row per value, then the run's settings and warnings. */
  TABLE {
    @Override
    String render(EvaluationReport report) {
      Map<String, Double> values = report.values();
      int width =
          Math.max(
              METRIC_HEADER.length(),
              Math.max(longest(values.keySet()), longest(report.errors().keySet())));
      StringBuilder text = new StringBuilder();
      text.append(pad(METRIC_HEADER, width)).append("  ").append("value").append('\n');
      values.forEach(
          (id, value) ->
              text.append(pad(id, width)).append("  ").append(tableNumber(value)).append('\n'));
      report
          .errors()
          .keySet()
          .forEach(id -> text.append(pad(id, width)).append("  ").append(ERROR).append('\n'));
      text.append('\n').append("seed ").append(report.seed());
      text.append(", extractor ").append(report.extractor());
      for (Role role : Role.values()) {
        Integer count = report.counts().get(role);
        if (count != null) {
          text.append(", ").append(role.label()).append(' ').append(count);
        }
      }
      text.append('\n');
      if (!report.warnings().isEmpty()) {
        text.append("warnings:\n");
        report.warnings().forEach(warning -> text.append("  ").append(warning).append('\n'));
      }
      if (!report.errors().isEmpty()) {
        text.append("errors:\n");
        report
            .errors()
            .forEach(
                (id, message) ->
                    text.append("  ").append(id).append(": ").append(message).append('\n'));
      }
      return text.toString();
    }
  },

  /** One JSON object: metrics, counts, extractor, seed, warnings and provenance. */
  JSON {
    @Override
    String render(EvaluationReport report) {
      ObjectNode root = MAPPER.createObjectNode();
      ObjectNode metrics = root.putObject("metrics");
      report.values().forEach(metrics::put);
      ObjectNode counts = root.putObject("counts");
      for (Role role : Role.values()) {
        Integer count = report.counts().get(role);
        if (count != null) {
          counts.put(role.label(), count);
        }
      }
      root.put("extractor", report.extractor());
      root.put("seed", report.seed());
      report.warnings().forEach(root.putArray("warnings")::add);
      if (!report.errors().isEmpty()) {
        report.errors().forEach(root.putObject("errors")::put);
      }
      provenance(report, root.putObject("provenance"));
      try {
        return MAPPER.writeValueAsString(root) + "\n";
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  },

  /**
   * A {@code metric,value} header and one row per value; a metric that failed has an empty value,
   * and its message goes to the error stream.
   */
  CSV {
    @Override
    String render(EvaluationReport report) {
      StringBuilder text = new StringBuilder("metric,value\n");
      report
          .values()
          .forEach((id, value) -> text.append(id).append(',').append(value).append('\n'));
      report.errors().keySet().forEach(id -> text.append(id).append(",\n"));
      return text.toString();
    }
  };

  private static final String METRIC_HEADER = "metric";
  private static final String ERROR = "error";
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Returns the report as text in this format, ending with a line break. */
  abstract String render(EvaluationReport report);

  private static int longest(java.util.Set<String> ids) {
    return ids.stream().mapToInt(String::length).max().orElse(0);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  private static String tableNumber(double value) {
    return String.format(Locale.ROOT, "%.6g", value);
  }

  private static void provenance(EvaluationReport report, ObjectNode node) {
    Versions.all().forEach(node.putObject("versions")::put);
    ObjectNode inputs = node.putObject("inputs");
    for (Role role : Role.values()) {
      FeatureProvenance input = report.inputs().get(role);
      if (input != null) {
        ObjectNode entry = inputs.putObject(role.label());
        entry.put("source", input.source());
        entry.put("extractor", input.extractorId());
        entry.put("model_checksum", input.modelChecksum());
        entry.put("preprocessing", input.preprocessing());
      }
    }
    ObjectNode metrics = node.putObject("metrics");
    for (MetricResult result : report.results().values()) {
      ObjectNode entry = metrics.putObject(result.metricId());
      entry.put("seed", result.provenance().seed());
      new TreeMap<>(result.provenance().parameters()).forEach(entry.putObject("parameters")::put);
      new TreeMap<>(result.provenance().versions()).forEach(entry.putObject("versions")::put);
      entry.put("seconds", report.seconds().getOrDefault(result.metricId(), 0.0));
    }
  }
}
