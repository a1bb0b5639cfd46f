package io.fld.api.metric;

import java.util.List;

/**
 * Creates one kind of metric. Providers are contributed by plugins and looked up by {@link
 * #name()}; creating the provider and listing its options must be cheap.
 */
public interface MetricProvider {

  /** Returns the metric id: lower-case letters, digits and underscores, such as {@code fld}. */
  String name();

  /** Returns a one-line description for listings. */
  String description();

  /** Returns the documented options with their defaults. */
  List<OptionSpec> options();

  /**
   * Creates a metric configured by {@code options}.
   *
   * @throws io.fld.api.InvalidInputException if an option is unknown or out of range
   */
  Metric create(MetricOptions options);
}
