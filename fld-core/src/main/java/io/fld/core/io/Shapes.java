package io.fld.core.io;

import io.fld.api.InvalidInputException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Checks that a stored array is a feature matrix: two dimensions, rows by features. */
final class Shapes {
  private static final int MATRIX_DIMENSIONS = 2;

  private Shapes() {}

  /** Formats a shape as numpy prints it: {@code ()}, {@code (5000,)}, {@code (5000, 64)}. */
  static String text(long[] shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    return Arrays.stream(shape)
        .mapToObj(Long::toString)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  /**
   * Rejects shapes other than {@code (rows, dimension)}, saying how to reshape the array.
   *
   * @param source the file, and the array key where the file contains several
   */
  static void requireMatrix(String source, long[] shape) {
    if (shape.length == MATRIX_DIMENSIONS) {
      return;
    }
    String stored = source + " stores ";
    String needed = "; a feature matrix needs shape (rows, dimension): ";
    if (shape.length == 0) {
      throw new InvalidInputException(
          stored + "a 0-d array (a single number)" + needed + "save a 2-D array instead");
    }
    if (shape.length == 1) {
      throw new InvalidInputException(
          stored
              + "a 1-D array of shape "
              + text(shape)
              + needed
              + "save arr.reshape(-1, 1) for one feature per sample, or arr.reshape(1, -1) for"
              + " a single sample");
    }
    throw new InvalidInputException(
        stored
            + "a "
            + shape.length
            + "-D array of shape "
            + text(shape)
            + needed
            + "flatten each sample with arr.reshape(arr.shape[0], -1)");
  }
}
