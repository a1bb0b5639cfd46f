package io.fld.metrics.support;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Role;
import io.fld.core.linalg.CellPartition;
import io.fld.core.linalg.Points;
import java.nio.FloatBuffer;
import java.util.EnumMap;
import java.util.Map;

/**
 * Checks that the sets of a nearest-neighbour metric can share one single-precision scale. The
 * distance kernels divide all rows by the power of two near the largest value of any set. A set
 * whose rows are smaller by a factor beyond about 1e15 then has squared norms below {@link
 * CellPartition#MIN_SQUARED_NORM}, where single-precision dot products lose their relative accuracy
 * and the kernels cannot rank its distances.
 */
public final class Scales {
  private Scales() {}

  /**
   * Checks {@code sets}, each centered on {@code origin}, before any points are built. It computes
   * the squared norms exactly as {@link Points#centered(FeatureSet, int[], double[], double)} does
   * with the scale of {@link Points#commonScale(double[], FeatureSet...)}.
   *
   * @throws InvalidInputException naming the set that is too small and the one that sets the scale
   */
  public static void requireComparable(double[] origin, Map<Role, FeatureSet> sets) {
    double scale = Points.commonScale(origin, sets.values().toArray(FeatureSet[]::new));
    Map<Role, Double> largest = new EnumMap<>(Role.class);
    sets.forEach((role, set) -> largest.put(role, largestSquaredNorm(set, origin, scale)));
    require(largest, new EnumMap<>(sets), scale, "");
  }

  /**
   * Checks points built from {@code sets} with one scale, such as subsets or the rows of one cell.
   *
   * @param where completes the message, such as {@code " in k-means cell 2"}, or is empty
   * @throws InvalidInputException naming the set that is too small and the one that sets the scale
   */
  public static void requireComparable(
      Map<Role, Points> points, Map<Role, FeatureSet> sets, String where) {
    Map<Role, Double> largest = new EnumMap<>(Role.class);
    double scale = 1;
    for (Map.Entry<Role, Points> entry : points.entrySet()) {
      Points set = entry.getValue();
      double norm = 0;
      for (int row = 0; row < set.rows(); row++) {
        norm = Math.max(norm, set.squaredNorm(row));
      }
      largest.put(entry.getKey(), norm);
      scale = set.scale();
    }
    require(largest, new EnumMap<>(sets), scale, where);
  }

  private static void require(
      Map<Role, Double> largest, Map<Role, FeatureSet> sets, double scale, String where) {
    Role widest = null;
    for (Map.Entry<Role, Double> entry : largest.entrySet()) {
      if (widest == null || entry.getValue() > largest.get(widest)) {
        widest = entry.getKey();
      }
    }
    for (Map.Entry<Role, Double> entry : largest.entrySet()) {
      double norm = entry.getValue();
      if (norm > 0 && norm < CellPartition.MIN_SQUARED_NORM) {
        Role small = entry.getKey();
        throw new InvalidInputException(
            "the "
                + small.label()
                + " features ("
                + sets.get(small).provenance().source()
                + ") have row norms of at most "
                + Math.sqrt(norm) * scale
                + where
                + " after centering on the training mean, but the "
                + widest.label()
                + " features ("
                + sets.get(widest).provenance().source()
                + ") reach "
                + Math.sqrt(largest.get(widest)) * scale
                + ". The sets differ in scale by a factor beyond about 1e15, more than"
                + " single-precision distances can compare, so check that all sets come from the"
                + " same feature extractor and preprocessing");
      }
    }
  }

  /** Returns the largest squared norm of the rows of {@code set} minus {@code origin}, scaled. */
  private static double largestSquaredNorm(FeatureSet set, double[] origin, double scale) {
    FloatBuffer source = set.buffer();
    int dimension = set.dimension();
    double largest = 0;
    for (int row = 0; row < set.rows(); row++) {
      double sum = 0;
      int offset = row * dimension;
      for (int column = 0; column < dimension; column++) {
        double value = (float) ((source.get(offset + column) - origin[column]) / scale);
        sum += value * value;
      }
      largest = Math.max(largest, sum);
    }
    return largest;
  }
}
