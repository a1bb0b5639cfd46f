package io.fld.metrics.copying;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MannWhitneyTest {

  @Test
  void tiesGetAverageRanks() {
    double[] first = {1, 2, 2};
    double[] second = {2, 3};

    // Pairs where first exceeds second, ties counting one half: 0 + 0 + 0.5 + 0 + 0.5 + 0.
    assertEquals(1.0, MannWhitney.statistic(first, second), 0.0);
    assertEquals((1 - 2.5) / Math.sqrt(3), MannWhitney.zScore(first, second), 1e-15);
  }

  @Test
  void smallerFirstSampleGivesNegativeScore() {
    double[] first = {0, 0, 0, 0};
    double[] second = {1, 2, 3, 4, 5};

    assertEquals(0.0, MannWhitney.statistic(first, second), 0.0);
    assertEquals(
        (0 - (10 - 0.5)) / Math.sqrt(20 * 10 / 12.0), MannWhitney.zScore(first, second), 1e-15);
  }
}
