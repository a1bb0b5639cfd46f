package io.fld.bench;

import java.util.Map;
import java.util.Optional;

/**
 * The performance target of a metric on the standard case (train 50000, test 10000, gen 10000, d
 * 768, 2 cores) and what the Python reference measured on the same case and machine kind.
 *
 * @param seconds the target wall time
 * @param peakMebibytes the target peak resident memory, or 0 when none is set
 * @param referenceSeconds the Python reference's wall time
 * @param referencePeakMebibytes the Python reference's peak resident memory, or 0 when unknown
 */
record Target(
    double seconds, double peakMebibytes, double referenceSeconds, double referencePeakMebibytes) {

  private static final Map<String, Target> STANDARD_CASE =
      Map.of(
          "fld", new Target(45, 3 * 1024, 465, 5.6 * 1024),
          "precision", new Target(30, 1024, 47, 8.6 * 1024),
          "fid", new Target(1, 0, 1.8, 0));

  /** Returns the target of {@code metricId} on the standard case, if one is set. */
  static Optional<Target> of(String metricId) {
    return Optional.ofNullable(STANDARD_CASE.get(metricId));
  }
}
