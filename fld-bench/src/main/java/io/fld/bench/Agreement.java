package io.fld.bench;

/**
 * The interval that a value of ours must lie in to agree with the reference, by kind of metric. The
 * tolerances allow for what a reimplementation cannot reproduce: float rounding for the
 * deterministic metrics and the reference's random draws (numpy's generator, k-means
 * initialisation) for the seeded ones.
 */
final class Agreement {
  /** Relative tolerance of FID, whose value the seed changes only by float rounding. */
  static final double FID_RELATIVE = 1e-4;

  /**
   * Absolute floor of the FID tolerance, so that a reference of exactly 0 (a set compared with
   * itself) admits the rounding of the matrix square root.
   */
  static final double FID_ABSOLUTE = 1e-6;

  /** Rows by which precision and recall may differ, as they count rows inside k-NN balls. */
  static final int SHARE_ROWS = 2;

  /** Points (of a percentage) by which AuthPct may differ when it uses every row. */
  static final double AUTHPCT_POINTS = 0.25;

  private Agreement() {}

  /**
   * An allowed interval with the rule that produced it.
   *
   * @param low the smallest allowed value
   * @param high the largest allowed value
   * @param rule the rule, for the report, such as {@code 2 rows of 5000}
   */
  record Interval(double low, double high, String rule) {
    boolean admits(double value) {
      return value >= low && value <= high;
    }
  }

  /** Returns the interval of a FID value: 1e-4 relative, at least 1e-6 absolute. */
  static Interval relative(ReferenceFolder.Spread reference) {
    double tolerance = Math.max(FID_RELATIVE * Math.abs(reference.mean()), FID_ABSOLUTE);
    return new Interval(
        reference.mean() - tolerance, reference.mean() + tolerance, "1e-4 relative");
  }

  /**
   * Returns the interval of a share of {@code rows} rows, such as precision over the generated
   * rows: 2 rows either way. Half a row more absorbs the float32 rounding of the reference's value,
   * because shares of whole rows never lie between two and three rows apart.
   */
  static Interval rows(ReferenceFolder.Spread reference, int rows) {
    double tolerance = (SHARE_ROWS + 0.5) / rows;
    return new Interval(
        reference.mean() - tolerance,
        reference.mean() + tolerance,
        SHARE_ROWS + " rows of " + rows);
  }

  /** Returns the interval of AuthPct when the reference's value did not vary: 0.25 points. */
  static Interval points(ReferenceFolder.Spread reference) {
    return new Interval(
        reference.mean() - AUTHPCT_POINTS, reference.mean() + AUTHPCT_POINTS, "0.25 points");
  }

  /**
   * Returns the interval of a seeded value: the reference's range over its seeds widened by w on
   * each side, where w is the largest of that range's width, 1% of the reference mean and 1e-3.
   */
  static Interval seedRange(ReferenceFolder.Spread reference) {
    double width =
        Math.max(
            Math.max(reference.max() - reference.min(), 0.01 * Math.abs(reference.mean())), 1e-3);
    return new Interval(reference.min() - width, reference.max() + width, "seed range");
  }
}
