package io.fld.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgreementTest {
  private static final double EPSILON = 1e-12;

  @Test
  void seedRangeWidensByRangeWidth() {
    Agreement.Interval interval = Agreement.seedRange(new ReferenceFolder.Spread(10.0, 9.0, 12.0));

    assertEquals(6.0, interval.low(), EPSILON);
    assertEquals(15.0, interval.high(), EPSILON);
  }

  @Test
  void seedRangeWidensByOnePercentOfMean() {
    Agreement.Interval interval =
        Agreement.seedRange(new ReferenceFolder.Spread(-500.0, -500.0, -500.0));

    assertEquals(-505.0, interval.low(), EPSILON);
    assertEquals(-495.0, interval.high(), EPSILON);
  }

  @Test
  void seedRangeWidensByAtLeastOneThousandth() {
    Agreement.Interval interval = Agreement.seedRange(new ReferenceFolder.Spread(0.0, 0.0, 0.0));

    assertEquals(-1e-3, interval.low(), EPSILON);
    assertEquals(1e-3, interval.high(), EPSILON);
  }

  @Test
  void rowsAdmitTwoRowsButNotThree() {
    Agreement.Interval interval = Agreement.rows(new ReferenceFolder.Spread(0.5, 0.5, 0.5), 100);

    assertTrue(interval.admits(0.52));
    assertTrue(interval.admits(0.48));
    assertFalse(interval.admits(0.53));
    assertFalse(interval.admits(0.47));
  }

  @Test
  void relativeScalesWithReference() {
    Agreement.Interval interval =
        Agreement.relative(new ReferenceFolder.Spread(100.0, 100.0, 100.0));

    assertTrue(interval.admits(100.009));
    assertFalse(interval.admits(100.011));
  }

  @Test
  void relativeAdmitsRoundingAroundZero() {
    Agreement.Interval interval = Agreement.relative(new ReferenceFolder.Spread(0.0, 0.0, 0.0));

    assertTrue(interval.admits(1e-9));
    assertFalse(interval.admits(1e-5));
  }
}
