package io.fld.metrics.support;

import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.OptionSpec;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A metric provider made of its name, description, documented options and a factory. Creating it
 * and listing its options does no numerical work.
 *
 * @param name the metric id
 * @param description a one-line description for listings
 * @param options the documented options with their defaults
 * @param factory creates the metric from validated options
 */
public record Provider(
    String name,
    String description,
    List<OptionSpec> options,
    Function<MetricOptions, Metric> factory)
    implements MetricProvider {

  public Provider {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    options = List.copyOf(options);
    Objects.requireNonNull(factory, "factory");
  }

  @Override
  public Metric create(MetricOptions metricOptions) {
    metricOptions.requireKnown(name, options);
    return factory.apply(metricOptions);
  }
}
