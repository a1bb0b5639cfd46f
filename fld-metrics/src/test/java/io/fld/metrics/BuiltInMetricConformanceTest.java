package io.fld.metrics;

import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.Role;
import io.fld.core.conformance.MetricConformanceTest;
import org.junit.jupiter.api.Nested;

/** Runs the metric conformance kit on every built-in metric. */
class BuiltInMetricConformanceTest {

  private static MetricProvider named(String name) {
    return new MetricsPlugin()
        .metrics().stream()
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

  @Nested
  class Fid extends MetricConformanceTest {
    @Override
    protected MetricProvider provider() {
      return named("fid");
    }
  }

  @Nested
  class FidTest extends MetricConformanceTest {
    @Override
    protected MetricProvider provider() {
      return named("fid_test");
    }
  }

  @Nested
  class Kid extends MetricConformanceTest {
    @Override
    protected MetricProvider provider() {
      return named("kid");
    }
  }

  @Nested
  class KidTest extends MetricConformanceTest {
    @Override
    protected MetricProvider provider() {
      return named("kid_test");
    }
  }

  @Nested
  class Precision extends MetricConformanceTest {
    @Override
    protected MetricProvider provider() {
      return named("precision");
    }
  }

  @Nested
  class Recall extends MetricConformanceTest {
    @Override
    protected MetricProvider provider() {
      return named("recall");
    }
  }

  @Nested
  class AuthPct extends MetricConformanceTest {
    @Override
    protected MetricProvider provider() {
      return named("authpct");
    }
  }

  /** C_T counts only cells holding more than 20 generated rows, so it needs larger sets. */
  @Nested
  class CopyingTest extends MetricConformanceTest {
    private static final int SCALE = 10;

    @Override
    protected MetricProvider provider() {
      return named("ct");
    }

    @Override
    protected int rows(Role role) {
      return SCALE * super.rows(role);
    }
  }
}
