package io.fld.example;

import io.fld.api.metric.MetricProvider;
import io.fld.core.conformance.MetricConformanceTest;

class MeanShiftConformanceTest extends MetricConformanceTest {
  @Override
  protected MetricProvider provider() {
    return new MeanShiftProvider();
  }
}
