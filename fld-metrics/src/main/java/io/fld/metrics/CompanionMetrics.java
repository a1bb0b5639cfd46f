package io.fld.metrics;

import io.fld.api.metric.MetricProvider;
import io.fld.metrics.copying.AuthPctMetric;
import io.fld.metrics.copying.CopyingTestMetric;
import io.fld.metrics.frechet.FidMetric;
import io.fld.metrics.kernel.KidMetric;
import io.fld.metrics.manifold.PrecisionRecallMetric;
import java.util.List;

/**
 * The metrics that usually accompany FLD: {@code fid}, {@code fid_test}, {@code kid}, {@code
 * kid_test}, {@code precision}, {@code recall}, {@code authpct} and {@code ct}.
 */
public final class CompanionMetrics {
  private CompanionMetrics() {}

  /** Returns a new provider of each companion metric, in the order listed above. */
  public static List<MetricProvider> providers() {
    return List.of(
        FidMetric.trainProvider(),
        FidMetric.testProvider(),
        KidMetric.trainProvider(),
        KidMetric.testProvider(),
        PrecisionRecallMetric.precisionProvider(),
        PrecisionRecallMetric.recallProvider(),
        AuthPctMetric.provider(),
        CopyingTestMetric.provider());
  }
}
