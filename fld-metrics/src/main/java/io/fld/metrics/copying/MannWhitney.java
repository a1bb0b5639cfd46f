package io.fld.metrics.copying;

import java.util.Arrays;

/**
 * The Mann-Whitney U statistic of one sample against another, with average ranks for ties, and its
 * z-score under the null hypothesis of equal distributions.
 */
public final class MannWhitney {
  /** Continuity correction subtracted from the null mean, for the alternative "first smaller". */
  static final double CONTINUITY_CORRECTION = 0.5;

  private MannWhitney() {}

  /**
   * Returns U of {@code first}: the number of pairs in which the {@code first} value exceeds the
   * {@code second} value, ties counting one half. It is the rank sum of {@code first} in the pooled
   * sample minus {@code m (m + 1) / 2}.
   */
  public static double statistic(double[] first, double[] second) {
    int m = first.length;
    int total = m + second.length;
    double[] values = new double[total];
    boolean[] isFirst = new boolean[total];
    Integer[] order = new Integer[total];
    for (int i = 0; i < total; i++) {
      values[i] = i < m ? first[i] : second[i - m];
      isFirst[i] = i < m;
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));

    double firstRankSum = 0;
    int start = 0;
    while (start < total) {
      int end = start + 1;
      while (end < total && values[order[end]] == values[order[start]]) {
        end++;
      }
      // Positions start..end-1 tie; each gets the average of the 1-based ranks start+1..end.
      double averageRank = 0.5 * (start + 1 + end);
      for (int position = start; position < end; position++) {
        if (isFirst[order[position]]) {
          firstRankSum += averageRank;
        }
      }
      start = end;
    }
    return firstRankSum - 0.5 * m * (m + 1.0);
  }

  /**
   * Returns {@code (U - (m n / 2 - 0.5)) / sqrt(m n (m + n + 1) / 12)} for U of {@code first}, m
   * and n the sample sizes. Strongly negative values mean that {@code first} tends to be smaller.
   *
   * @throws IllegalArgumentException if a sample is empty
   */
  public static double zScore(double[] first, double[] second) {
    double m = first.length;
    double n = second.length;
    if (m == 0 || n == 0) {
      throw new IllegalArgumentException("both samples need at least one value");
    }
    double mean = m * n / 2 - CONTINUITY_CORRECTION;
    double standardDeviation = Math.sqrt(m * n * (m + n + 1) / 12);
    return (statistic(first, second) - mean) / standardDeviation;
  }
}
