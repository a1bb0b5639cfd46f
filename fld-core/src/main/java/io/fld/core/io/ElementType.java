package io.fld.core.io;

/** The numeric element types that feature files may store; every one is converted to float. */
enum ElementType {
  FLOAT16(2, "float16"),
  BFLOAT16(2, "bfloat16"),
  FLOAT32(4, "float32"),
  FLOAT64(8, "float64"),
  INT8(1, "int8"),
  INT16(2, "int16"),
  INT32(4, "int32"),
  INT64(8, "int64"),
  UINT8(1, "uint8"),
  UINT16(2, "uint16"),
  UINT32(4, "uint32"),
  UINT64(8, "uint64");

  private final int byteSize;
  private final String displayName;

  ElementType(int byteSize, String displayName) {
    this.byteSize = byteSize;
    this.displayName = displayName;
  }

  /** Returns the bytes per element. */
  int byteSize() {
    return byteSize;
  }

  /** Returns the numpy name of the type, such as {@code float32}. */
  String displayName() {
    return displayName;
  }
}
