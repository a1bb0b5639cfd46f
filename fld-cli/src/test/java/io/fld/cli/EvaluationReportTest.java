package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fld.api.metric.MetricResult;
import io.fld.api.metric.ResultProvenance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

  private static MetricResult result(String id, double value, Map<String, Double> extras) {
    ResultProvenance provenance =
        new ResultProvenance(id, 0, Map.of(), Map.of(), Map.of(), Map.of());
    return new MetricResult(id, value, extras, List.of(), provenance);
  }

  @Test
  void extrasKeepOwnPrefix() {
    assertEquals("kid_std", EvaluationReport.extraName("kid", "kid_std"));
  }

  @Test
  void extrasRenamedToMetricId() {
    assertEquals("kid_test_std", EvaluationReport.extraName("kid_test", "kid_std"));
    assertEquals("fid_eigen", EvaluationReport.extraName("fid", "eigen"));
  }

  @Test
  void sharedExtraNamesDoNotCollide() {
    Map<String, MetricResult> results = new LinkedHashMap<>();
    results.put("kid", result("kid", 1, Map.of("kid_std", 0.1)));
    results.put("kid_test", result("kid_test", 2, Map.of("kid_std", 0.2)));
    EvaluationReport report =
        new EvaluationReport(results, Map.of(), Map.of(), Map.of(), "none", 0, List.of(), Map.of());

    Map<String, Double> values = report.values();

    assertEquals(
        List.of("kid", "kid_std", "kid_test", "kid_test_std"), List.copyOf(values.keySet()));
    assertEquals(0.1, values.get("kid_std"));
    assertEquals(0.2, values.get("kid_test_std"));
  }
}
