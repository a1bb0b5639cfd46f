package io.fld.cli;

import io.fld.api.InvalidInputException;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.Role;
import io.fld.core.plugin.PluginRegistry;
import io.fld.core.plugin.Registered;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The metrics an evaluation computes, created with their options and checked against the sets the
 * user gave, before any feature is read.
 */
final class MetricSelection {
  /** The order of the built-in metrics in reports; other metrics follow by name. */
  static final List<String> PREFERRED_ORDER =
      List.of(
          "fld",
          "fld_train",
          "fld_gap",
          "fld_p",
          "fid",
          "fid_test",
          "kid",
          "kid_test",
          "precision",
          "recall",
          "authpct",
          "ct");

  private final Map<String, Metric> metrics;
  private final List<String> warnings;

  private MetricSelection(Map<String, Metric> metrics, List<String> warnings) {
    this.metrics = metrics;
    this.warnings = warnings;
  }

  /** Returns the metrics by id, in report order. */
  Map<String, Metric> metrics() {
    return metrics;
  }

  /** Returns notes about metrics left out of the default selection. */
  List<String> warnings() {
    return warnings;
  }

  /**
   * Creates the requested metrics, or all registered ones when {@code requested} is empty.
   *
   * @param optionValues {@code metric.option} to value, from {@code --option}
   * @param given the sets the user gave
   * @throws InvalidInputException if a metric id or option is unknown, an option names a metric
   *     that is not selected, or a requested metric needs a set that was not given
   */
  static MetricSelection select(
      PluginRegistry registry,
      List<String> requested,
      Map<String, String> optionValues,
      long seed,
      Set<Role> given) {
    boolean explicit = !requested.isEmpty();
    List<String> ids = explicit ? distinct(requested) : defaultOrder(registry);
    requireRegistered(registry, ids);
    Map<String, Map<String, String>> options = splitOptions(optionValues, ids);

    Map<String, Metric> metrics = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (String id : ids) {
      MetricProvider provider = registry.metric(id);
      MetricOptions metricOptions = MetricOptions.of(options.getOrDefault(id, Map.of()), seed);
      metricOptions.requireKnown(id, provider.options());
      Metric metric = provider.create(metricOptions);
      Set<Role> missing = missing(metric, given);
      if (missing.isEmpty()) {
        metrics.put(id, metric);
      } else if (explicit) {
        throw new InvalidInputException(
            "metric "
                + id
                + " needs "
                + flags(missing)
                + "; give it or leave "
                + id
                + " out of --metrics");
      } else {
        warnings.add("skipped " + id + ": it needs " + flags(missing));
      }
    }
    if (registry.metrics().isEmpty()) {
      throw new InvalidInputException(
          "no metrics are registered; put a plugin jar that provides metrics in a plugin folder"
              + " (--plugins DIR or $FLD_HOME/plugins)");
    }
    if (metrics.isEmpty()) {
      throw new InvalidInputException(
          "no metric can be computed from the given sets ("
              + String.join("; ", warnings)
              + "); give --train, --test and --gen");
    }
    return new MetricSelection(metrics, warnings);
  }

  /** Rejects every unknown id in one message, so that a user fixes all of them at once. */
  private static void requireRegistered(PluginRegistry registry, List<String> ids) {
    Set<String> registered =
        registry.metrics().stream().map(Registered::name).collect(Collectors.toSet());
    List<String> unknown = ids.stream().filter(id -> !registered.contains(id)).toList();
    if (unknown.size() == 1) {
      registry.metric(unknown.get(0));
    }
    if (unknown.size() > 1) {
      throw new InvalidInputException(
          "no metrics named "
              + unknown.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "))
              + "; available metrics: "
              + registry.metrics().stream()
                  .map(Registered::name)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
  }

  private static List<String> distinct(List<String> requested) {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : requested) {
      String trimmed = id.trim();
      if (trimmed.isEmpty()) {
        throw new InvalidInputException("--metrics contains an empty id; separate ids by commas");
      }
      ids.add(trimmed);
    }
    return new ArrayList<>(ids);
  }

  /** Returns the registered metric ids, built-in ones in their usual order first. */
  static List<String> defaultOrder(PluginRegistry registry) {
    Set<String> registered =
        registry.metrics().stream()
            .map(Registered::name)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    List<String> ordered = new ArrayList<>();
    for (String id : PREFERRED_ORDER) {
      if (registered.remove(id)) {
        ordered.add(id);
      }
    }
    ordered.addAll(registered);
    return ordered;
  }

  private static Map<String, Map<String, String>> splitOptions(
      Map<String, String> optionValues, List<String> ids) {
    Map<String, Map<String, String>> byMetric = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : optionValues.entrySet()) {
      String key = entry.getKey();
      int dot = key.indexOf('.');
      if (dot <= 0 || dot == key.length() - 1) {
        throw new InvalidInputException(
            "--option "
                + key
                + "="
                + entry.getValue()
                + " needs the form metric.option=value, such as fld.gen-size=5000");
      }
      String metric = key.substring(0, dot);
      if (!ids.contains(metric)) {
        throw new InvalidInputException(
            "--option "
                + key
                + " is for metric "
                + metric
                + ", which is not among the metrics to compute: "
                + String.join(", ", ids));
      }
      byMetric
          .computeIfAbsent(metric, m -> new LinkedHashMap<>())
          .put(key.substring(dot + 1), entry.getValue());
    }
    return byMetric;
  }

  private static Set<Role> missing(Metric metric, Set<Role> given) {
    Set<Role> missing = new LinkedHashSet<>(metric.requiredSets());
    missing.removeAll(given);
    return missing;
  }

  private static String flags(Set<Role> roles) {
    return roles.stream().map(role -> "--" + role.label()).collect(Collectors.joining(" and "));
  }
}
