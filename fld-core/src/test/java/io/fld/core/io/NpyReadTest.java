package io.fld.core.io;

import static io.fld.core.io.Fixtures.COLUMNS;
import static io.fld.core.io.Fixtures.ROWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpyReadTest {

  /** Maps a row and column to the expected value's float bits. */
  private static void assertMatrix(FeatureSet features, IntBinaryOperator expectedBits) {
    assertEquals(ROWS, features.rows(), "rows");
    assertEquals(COLUMNS, features.dimension(), "dimension");
    for (int row = 0; row < ROWS; row++) {
      for (int column = 0; column < COLUMNS; column++) {
        float expected = Float.intBitsToFloat(expectedBits.applyAsInt(row, column));
        assertEquals(expected, features.get(row, column), "row " + row + ", column " + column);
      }
    }
  }

  private static void assertQuarters(FeatureSet features) {
    assertMatrix(features, (r, c) -> Float.floatToIntBits(Fixtures.quarter(r, c)));
  }

  private static void assertTenths(FeatureSet features) {
    assertMatrix(features, (r, c) -> Float.floatToIntBits(Fixtures.tenth(r, c)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "f4_le.npy",
        "f4_be.npy",
        "f2_le.npy",
        "f4_le_fortran.npy",
        "version2.npy",
        "version3.npy",
        "python2_header.npy"
      })
  void readsQuarterValues(String name) throws IOException {
    assertQuarters(FeatureFiles.read(Fixtures.path(name)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"f8_le.npy", "f8_be.npy", "f8_be_fortran.npy"})
  void narrowsFloat64ToFloat(String name) throws IOException {
    assertTenths(FeatureFiles.read(Fixtures.path(name)));
  }

  @Test
  void readsSignedIntegers() throws IOException {
    assertMatrix(read("i1.npy"), (r, c) -> bits(Fixtures.signed(r, c, 0)));
    assertMatrix(read("i2.npy"), (r, c) -> bits(Fixtures.signed(r, c, -30_000)));
    assertMatrix(read("i4.npy"), (r, c) -> bits(Fixtures.signed(r, c, -2_000_000_000)));
    assertMatrix(read("i8.npy"), (r, c) -> bits(Fixtures.signed(r, c, -(1L << 62))));
    assertMatrix(read("i4_be.npy"), (r, c) -> bits(Fixtures.signed(r, c, 0)));
  }

  @Test
  void readsUnsignedIntegers() throws IOException {
    BigInteger sixteen = BigInteger.valueOf(16);
    assertMatrix(read("u1.npy"), (r, c) -> bits(unsigned(r, c, BigInteger.valueOf(240))));
    assertMatrix(read("u2.npy"), (r, c) -> bits(unsigned(r, c, BigInteger.valueOf(65_520))));
    BigInteger u4Offset = BigInteger.ONE.shiftLeft(32).subtract(sixteen);
    assertMatrix(read("u4.npy"), (r, c) -> bits(unsigned(r, c, u4Offset)));
    BigInteger u8Offset = BigInteger.ONE.shiftLeft(64).subtract(sixteen);
    assertMatrix(read("u8.npy"), (r, c) -> bits(unsigned(r, c, u8Offset)));
  }

  @Test
  void unsignedLongsAboveSignedRangeStayPositive() throws IOException {
    FeatureSet features = read("u8.npy");

    assertEquals(0x1p64f, features.get(ROWS - 1, COLUMNS - 1));
  }

  @Test
  void readsBoolAsZeroAndOne() throws IOException {
    assertMatrix(read("bool.npy"), (r, c) -> bits(Fixtures.index(r, c) % 2));
  }

  @Test
  void provenanceSourceIsThePath() throws IOException {
    Path path = Fixtures.path("f4_le.npy");

    FeatureSet features = FeatureFiles.read(path);

    assertEquals(path.toString(), features.provenance().source());
    assertEquals("none", features.provenance().extractorId());
  }

  @Test
  void rejectsObjectArrayWithoutUnpickling() {
    Path path = Fixtures.path("object.npy");

    String message =
        assertThrows(InvalidInputException.class, () -> read("object.npy")).getMessage();

    assertEquals(
        path
            + " stores Python objects (dtype 'O'), which could only be read by unpickling, and"
            + " this reader never unpickles; save a numeric array with np.save(path,"
            + " arr.astype(np.float32))",
        message);
  }

  @Test
  void rejectsStructuredArray() {
    String message = readError("structured.npy");

    assertStartsWith(
        Fixtures.path("structured.npy")
            + " stores a structured array (dtype [('a', '<f4'), ('b', '<f8')]); save one plain",
        message);
    assertContains("structured_to_unstructured(arr).astype(np.float32)", message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"complex.npy", "strings.npy"})
  void rejectsNonNumericDtypes(String name) {
    String message = readError(name);

    assertStartsWith(Fixtures.path(name) + ": dtype '", message);
    assertContains("is not supported; supported are float16, float32, float64, bool", message);
    assertContains("np.save(path, arr.astype(np.float32))", message);
  }

  @Test
  void rejectsOneDimensionalArray() {
    assertEquals(
        Fixtures.path("one_d.npy")
            + " stores a 1-D array of shape (5,); a feature matrix needs shape (rows, dimension):"
            + " save arr.reshape(-1, 1) for one feature per sample, or arr.reshape(1, -1) for a"
            + " single sample",
        readError("one_d.npy"));
  }

  @Test
  void rejectsThreeDimensionalArray() {
    assertEquals(
        Fixtures.path("three_d.npy")
            + " stores a 3-D array of shape (2, 3, 4); a feature matrix needs shape (rows,"
            + " dimension): flatten each sample with arr.reshape(arr.shape[0], -1)",
        readError("three_d.npy"));
  }

  @Test
  void rejectsScalar() {
    assertStartsWith(
        Fixtures.path("scalar.npy") + " stores a 0-d array (a single number)",
        readError("scalar.npy"));
  }

  @Test
  void rejectsZeroRows() {
    assertEquals(
        Fixtures.path("zero_rows.npy")
            + ": a feature set needs at least one row and one column, got 0 x 3",
        readError("zero_rows.npy"));
  }

  @Test
  void nanMessageNamesFileRowAndColumn() {
    assertEquals(
        Fixtures.path("nan.npy")
            + ": value NaN at row 2, column 1 is not finite; remove or repair that sample before"
            + " evaluating",
        readError("nan.npy"));
  }

  @Test
  void infinityMessageNamesFileRowAndColumn() {
    assertStartsWith(
        Fixtures.path("inf.npy") + ": value -Infinity at row 3, column 0 is not finite",
        readError("inf.npy"));
  }

  @Test
  void rejectsFloat64BeyondFloat32Range() {
    assertEquals(
        Fixtures.path("float32_overflow.npy")
            + ": value 1.0E300 at row 1, column 2 exceeds the float32 range (about 3.4e38);"
            + " rescale the features before saving them",
        readError("float32_overflow.npy"));
  }

  @Test
  void rejectsKeyForNpy() {
    Path path = Fixtures.path("f4_le.npy");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> FeatureFiles.read(path, "train"));

    assertEquals(
        path + " is an .npy file, which contains a single array; read it without the key 'train'",
        error.getMessage());
  }

  static void assertStartsWith(String prefix, String message) {
    if (!message.startsWith(prefix)) {
      assertEquals(prefix, message, "message prefix");
    }
  }

  static void assertContains(String part, String message) {
    if (!message.contains(part)) {
      assertEquals(part, message, "message part");
    }
  }

  private static String readError(String name) {
    return assertThrows(InvalidInputException.class, () -> read(name)).getMessage();
  }

  private static FeatureSet read(String name) throws IOException {
    return FeatureFiles.read(Fixtures.path(name));
  }

  private static int bits(float value) {
    return Float.floatToIntBits(value);
  }

  private static float unsigned(int row, int column, BigInteger offset) {
    return Fixtures.unsigned(row, column, offset);
  }
}
