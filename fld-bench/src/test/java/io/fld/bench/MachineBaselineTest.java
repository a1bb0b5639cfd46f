package io.fld.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MachineBaselineTest {
  private static final MachineBaseline BASELINE = new MachineBaseline(100, 50);

  @Test
  void precisionFloorCountsEveryPair() {
    double pairs = 1000 * 999 / 2.0 + 1000 * 100;

    double floor = BASELINE.floorSeconds("precision", 1000, 0, 100, 10).orElseThrow();

    assertEquals(pairs * 2 * 10 / 100e9, floor, 1e-15);
  }

  @Test
  void recallFloorSpansTheGeneratedRows() {
    double pairs = 100 * 99 / 2.0 + 100 * 1000;

    double floor = BASELINE.floorSeconds("recall", 1000, 0, 100, 10).orElseThrow();

    assertEquals(pairs * 2 * 10 / 100e9, floor, 1e-15);
  }

  @Test
  void fidFloorCapsTheGeneratedRows() {
    double floor = BASELINE.floorSeconds("fid", 1000, 0, 80_000, 10).orElseThrow();

    assertEquals((1000 + 50_000) * 10.0 * 11 / 50e9, floor, 1e-15);
  }

  @Test
  void fldFloorCountsFitsAndScorings() {
    // Generated rows capped at 10000 and a baseline of min(10000, 50000 / 2) training rows.
    double pairs = (50_000 + 2000) * 10_000.0 + (40_000 + 2000) * 10_000.0;

    double floor = BASELINE.floorSeconds("fld", 50_000, 2000, 30_000, 10).orElseThrow();

    assertEquals(pairs * 2 * 10 / 100e9, floor, 1e-12);
  }

  @Test
  void kidHasNoFloor() {
    assertTrue(BASELINE.floorSeconds("kid", 1000, 100, 100, 10).isEmpty());
  }

  @Test
  void formatRoundTrips() {
    assertEquals(BASELINE, MachineBaseline.parse(BASELINE.format()));
  }
}
