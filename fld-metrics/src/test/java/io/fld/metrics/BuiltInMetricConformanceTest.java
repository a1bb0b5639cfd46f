package io.fld.metrics;

import io.fld.api.metric.MetricProvider;
import io.fld.core.conformance.MetricConformanceTest;
import io.fld.metrics.fld.FldMetrics;
import org.junit.jupiter.api.Nested;

/** Runs the metric conformance kit on the built-in metrics. */
class BuiltInMetricConformanceTest {

  private static MetricProvider named(String name) {
    return FldMetrics.providers().stream()
        .filter(provider -> provider.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Nested
  class Fld extends MetricConformanceTest {
    @Override
    protected MetricProvider provider() {
      return named("fld");
    }
  }

  @Nested
  class FldTrain extends MetricConformanceTest {
    @Override
    protected MetricProvider provider() {
      return named("fld_train");
    }
  }

  @Nested
  class FldGap extends MetricConformanceTest {
    @Override
    protected MetricProvider provider() {
      return named("fld_gap");
    }
  }

  @Nested
  class FldP extends MetricConformanceTest {
    @Override
    protected MetricProvider provider() {
      return named("fld_p");
    }
  }
}
