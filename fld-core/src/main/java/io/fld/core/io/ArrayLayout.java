package io.fld.core.io;

import io.fld.api.InvalidInputException;
import java.nio.ByteOrder;

/**
 * The stored form of a 2-D array: element type, byte order, shape and whether the file lists it
 * column by column (numpy's Fortran order).
 */
record ArrayLayout(ElementType type, ByteOrder order, int rows, int columns, boolean columnMajor) {

  /** The largest element count a Java array can hold on common JVMs. */
  static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  /**
   * Creates the layout of a {@code shape[0] x shape[1]} array.
   *
   * @throws InvalidInputException if the array has more elements than one float array can hold
   */
  static ArrayLayout of(
      String source, ElementType type, ByteOrder order, long[] shape, boolean columnMajor) {
    long rows = shape[0];
    long columns = shape[1];
    if (rows > MAX_ELEMENTS
        || columns > MAX_ELEMENTS
        || (columns > 0 && rows > MAX_ELEMENTS / columns)) {
      throw new InvalidInputException(
          source
              + ": shape ("
              + rows
              + ", "
              + columns
              + ") has more than "
              + MAX_ELEMENTS
              + " elements, which one feature matrix cannot hold; split the rows into several"
              + " files");
    }
    return new ArrayLayout(type, order, (int) rows, (int) columns, columnMajor);
  }

  /** Returns the number of elements. */
  int elementCount() {
    return rows * columns;
  }

  /** Returns the number of bytes the elements take in the file. */
  long dataBytes() {
    return (long) elementCount() * type.byteSize();
  }

  /** Returns the shape as numpy prints it, such as {@code (5000, 64)}. */
  String shapeText() {
    return "(" + rows + ", " + columns + ")";
  }
}
