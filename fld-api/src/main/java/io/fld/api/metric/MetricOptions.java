package io.fld.api.metric;

import io.fld.api.InvalidInputException;
import java.math.BigInteger;
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

  private static final String METRIC = "metric ";

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
   * Checks that every value set names one of {@code specs} of the metric {@code metricId}.
   *
   * @throws InvalidInputException naming the unknown option, the metric and the known options
   */
  public void requireKnown(String metricId, Collection<OptionSpec> specs) {
    requireKnownFor(METRIC + metricId, specs);
  }

  /**
   * Checks that every value set names one of {@code specs}.
   *
   * @param owner what the options configure, as messages name it, such as {@code metric fld} or
   *     {@code score kind quality}
   * @throws InvalidInputException naming the unknown option, {@code owner} and the known options
   */
  public void requireKnownFor(String owner, Collection<OptionSpec> specs) {
    TreeSet<String> known = new TreeSet<>();
    specs.forEach(spec -> known.add(spec.name()));
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new InvalidInputException(
            "unknown option '" + name + "' for " + owner + "; known options: " + known);
      }
    }
  }

  /** Returns the string value of {@code name}, or {@code defaultValue} when unset. */
  public String string(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  /**
   * Returns the integer value of {@code name}, or {@code defaultValue} when unset. Prefer {@link
   * #integer(String, String, int, int, int)}, whose messages name the metric and the allowed range.
   *
   * @throws InvalidInputException if the value is not an integer or lies outside the range of
   *     {@code int}
   */
  public int integer(String name, int defaultValue) {
    return integer(null, name, defaultValue, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /**
   * Returns the integer value of {@code name}, or {@code defaultValue} when unset, after checking
   * that it lies in {@code [minimum, maximum]}.
   *
   * @param owner what the options configure, as messages name it, such as {@code metric fld} or
   *     {@code score kind quality}
   * @throws InvalidInputException naming {@code owner}, the option, the value and the allowed range
   *     if the value is not an integer or lies outside that range
   */
  public int integer(String owner, String name, int defaultValue, int minimum, int maximum) {
    String raw = values.get(name);
    if (raw == null) {
      return defaultValue;
    }
    BigInteger value;
    try {
      value = new BigInteger(raw.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          describe(owner, name)
              + " needs an integer in "
              + range(minimum, maximum)
              + ", got '"
              + raw
              + "'",
          e);
    }
    if (value.compareTo(BigInteger.valueOf(minimum)) < 0
        || value.compareTo(BigInteger.valueOf(maximum)) > 0) {
      throw new InvalidInputException(
          describe(owner, name)
              + " must lie in "
              + range(minimum, maximum)
              + ", got "
              + value
              + "; omit it to use the default "
              + defaultValue);
    }
    return value.intValueExact();
  }

  /**
   * Returns the floating-point value of {@code name}, or {@code defaultValue} when unset. Prefer
   * {@link #real(String, String, double)}, whose messages name the metric.
   *
   * @throws InvalidInputException if the value is not a finite number
   */
  public double real(String name, double defaultValue) {
    return real(null, name, defaultValue);
  }

  /**
   * Returns the floating-point value of {@code name}, or {@code defaultValue} when unset.
   *
   * @param owner what the options configure, as messages name it, such as {@code metric fld}
   * @throws InvalidInputException naming {@code owner} and the option if the value is not a finite
   *     number
   */
  public double real(String owner, String name, double defaultValue) {
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
          describe(owner, name) + " needs a finite number, got '" + raw + "'", e);
    }
  }

  private static String describe(String owner, String name) {
    return owner == null ? "option " + name : "option " + name + " of " + owner;
  }

  private static String range(int minimum, int maximum) {
    return "[" + minimum + ", " + maximum + "]";
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
