package io.fld.metrics.fld;

import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.OptionSpec;
import java.util.Arrays;
import java.util.List;

/**
 * The providers of the FLD family: {@code fld}, {@code fld_train}, {@code fld_gap}, {@code fld_p}.
 */
public final class FldMetrics {
  private FldMetrics() {}

  /** Returns one provider per member of the FLD family. */
  public static List<MetricProvider> providers() {
    return Arrays.stream(FldKind.values()).<MetricProvider>map(Provider::new).toList();
  }

  private record Provider(FldKind kind) implements MetricProvider {
    @Override
    public String name() {
      return kind.id();
    }

    @Override
    public String description() {
      return kind.description();
    }

    @Override
    public List<OptionSpec> options() {
      return kind.options();
    }

    @Override
    public Metric create(MetricOptions options) {
      return new FldMetric(kind, FldSettings.parse("metric " + kind.id(), options, kind.options()));
    }
  }
}
