package io.fld.api.metric;

import io.fld.api.InvalidInputException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Option values for constructing a metric, by option name, and the seed that all of the metric's
 * random draws derive from.
 */
public final class MetricOptions {
  /** The seed used when a caller gives none. */
  public static final long DEFAULT_SEED = 0;

  private final Map<String, String> values;
  private final long seed;

  private MetricOptions(Map<String, String> values, long seed) {
    this.values = Map.copyOf(values);
    this.seed = seed;
  }

  /** Returns options with no values set and the default seed. */
  public static MetricOptions defaults() {
    return new MetricOptions(Map.of(), DEFAULT_SEED);
  }

  /** Returns options with the given values and seed. */
  public static MetricOptions of(Map<String, String> values, long seed) {
    return new MetricOptions(values, seed);
  }

  /** Returns a copy with {@code name} set to {@code value}. */
  public MetricOptions with(String name, Object value) {
    Map<String, String> copy = new LinkedHashMap<>(values);
    copy.put(Objects.requireNonNull(name), String.valueOf(value));
    return new MetricOptions(copy, seed);
  }

  /** Returns a copy with another seed. */
  public MetricOptions withSeed(long newSeed) {
    return new MetricOptions(values, newSeed);
  }

  public long seed() {
    return seed;
  }

  /** Returns the values that were set explicitly. */
  public Map<String, String> values() {
    return values;
  }

  /**
   * Checks that every value set names one of {@code specs}.
   *
   * @throws InvalidInputException naming the unknown option and listing the known ones
   */
  public void requireKnown(String metricId, Collection<OptionSpec> specs) {
    TreeSet<String> known = new TreeSet<>();
    specs.forEach(spec -> known.add(spec.name()));
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new InvalidInputException(
            "unknown option '" + name + "' for metric " + metricId + "; known options: " + known);
      }
    }
  }

  /** Returns the string value of {@code name}, or {@code defaultValue} when unset. */
  public String string(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  /**
   * Returns the integer value of {@code name}, or {@code defaultValue} when unset.
   *
   * @throws InvalidInputException if the value is not an integer
   */
  public int integer(String name, int defaultValue) {
    String raw = values.get(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("option " + name + " needs an integer, got '" + raw + "'", e);
    }
  }

  /**
   * Returns the floating-point value of {@code name}, or {@code defaultValue} when unset.
   *
   * @throws InvalidInputException if the value is not a finite number
   */
  public double real(String name, double defaultValue) {
    String raw = values.get(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      double value = Double.parseDouble(raw.trim());
      if (!Double.isFinite(value)) {
        throw new NumberFormatException("not finite");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "option " + name + " needs a finite number, got '" + raw + "'", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MetricOptions that && seed == that.seed && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values, seed);
  }

  @Override
  public String toString() {
    return "MetricOptions" + values + ", seed=" + seed;
  }
}
