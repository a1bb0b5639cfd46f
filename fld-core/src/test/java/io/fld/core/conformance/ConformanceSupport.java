package io.fld.core.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureSet;
import java.util.Random;
import java.util.regex.Pattern;

/** Helpers shared by the conformance tests. */
public final class ConformanceSupport {
  /** The rule every provider name follows. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  /** The rule every option name follows: lower-case words joined by hyphens. */
  public static final Pattern OPTION_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private ConformanceSupport() {}

  /** Asserts {@code |actual - expected| <= atol + rtol |expected|}, naming {@code what}. */
  public static void assertClose(
      double expected, double actual, double rtol, double atol, String what) {
    double bound = atol + rtol * Math.abs(expected);
    assertTrue(
        Math.abs(actual - expected) <= bound,
        what + ": expected " + expected + " but got " + actual + " (bound " + bound + ")");
  }

  /** Returns {@code rows x dimension} standard normal values shifted by {@code offset}. */
  public static FeatureSet gaussian(
      int rows, int dimension, double offset, long seed, String source) {
    Random random = new Random(seed);
    float[][] values = new float[rows][dimension];
    for (float[] row : values) {
      for (int column = 0; column < dimension; column++) {
        row[column] = (float) (offset + random.nextGaussian());
      }
    }
    return FeatureSet.of(values, source);
  }
}
