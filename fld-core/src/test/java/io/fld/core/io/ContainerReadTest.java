package io.fld.core.io;

import static io.fld.core.io.Fixtures.COLUMNS;
import static io.fld.core.io.Fixtures.ROWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the multi-array formats, {@code .npz} and {@code .safetensors}, and selects by key. */
class ContainerReadTest {

  private static void assertQuarters(FeatureSet features) {
    assertEquals(ROWS, features.rows(), "rows");
    assertEquals(COLUMNS, features.dimension(), "dimension");
    for (int row = 0; row < ROWS; row++) {
      for (int column = 0; column < COLUMNS; column++) {
        assertEquals(Fixtures.quarter(row, column), features.get(row, column), row + "," + column);
      }
    }
  }

  private static void assertTenths(FeatureSet features) {
    assertEquals(ROWS, features.rows(), "rows");
    for (int row = 0; row < ROWS; row++) {
      for (int column = 0; column < COLUMNS; column++) {
        assertEquals(Fixtures.tenth(row, column), features.get(row, column), row + "," + column);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"several.npz", "several_compressed.npz"})
  void npzSelectsEachKey(String name) throws IOException {
    Path path = Fixtures.path(name);

    assertQuarters(FeatureFiles.read(path, "train"));
    assertTenths(FeatureFiles.read(path, "test"));
    FeatureSet gen = FeatureFiles.read(path, "gen");
    assertEquals(4, gen.rows());
    assertEquals(Fixtures.signed(3, 2, 0), gen.get(3, 2));
  }

  @Test
  void npzListsKeysInArchiveOrder() throws IOException {
    assertEquals(List.of("train", "test", "gen"), FeatureFiles.keys(Fixtures.path("several.npz")));
  }

  @Test
  void npzWithOneArrayNeedsNoKey() throws IOException {
    assertQuarters(FeatureFiles.read(Fixtures.path("single.npz")));
    assertQuarters(FeatureFiles.read(Fixtures.path("single.npz"), "arr_0"));
  }

  @Test
  void npzReadsZip64Entries() throws IOException {
    assertQuarters(FeatureFiles.read(Fixtures.path("zip64.npz")));
  }

  @Test
  void npzWithoutKeyListsKeys() {
    Path path = Fixtures.path("several.npz");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> FeatureFiles.read(path));

    assertEquals(
        path
            + " contains 3 arrays (train, test, gen); select one by its key (--key NAME on the"
            + " command line)",
        error.getMessage());
  }

  @Test
  void npzUnknownKeyListsKeys() {
    Path path = Fixtures.path("several_compressed.npz");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> FeatureFiles.read(path, "training"));

    assertEquals(
        path + " has no array with key 'training'; its keys are: train, test, gen",
        error.getMessage());
  }

  @Test
  void npzEntryErrorNamesTheMember() {
    Path path = Fixtures.path("with_one_d.npz");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> FeatureFiles.read(path, "labels"));

    NpyReadTest.assertStartsWith(
        path + ", member labels.npy stores a 1-D array of shape (5,)", error.getMessage());
  }

  @Test
  void safetensorsReadsSingleTensorWithoutKey() throws IOException {
    assertQuarters(FeatureFiles.read(Fixtures.path("single.safetensors")));
  }

  @Test
  void safetensorsConvertsEveryFloatDtype() throws IOException {
    Path path = Fixtures.path("several.safetensors");

    assertQuarters(FeatureFiles.read(path, "half"));
    assertQuarters(FeatureFiles.read(path, "brain"));
    assertQuarters(FeatureFiles.read(path, "single"));
    assertTenths(FeatureFiles.read(path, "double"));
  }

  @Test
  void safetensorsKeysSkipMetadata() throws IOException {
    assertEquals(
        List.of("half", "brain", "single", "double"),
        FeatureFiles.keys(Fixtures.path("several.safetensors")));
  }

  @Test
  void safetensorsWithoutKeyListsKeys() {
    Path path = Fixtures.path("several.safetensors");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> FeatureFiles.read(path));

    assertEquals(
        path
            + " contains 4 arrays (half, brain, single, double); select one by its key (--key"
            + " NAME on the command line)",
        error.getMessage());
  }

  @Test
  void safetensorsMetadataIsNotAKey() {
    Path path = Fixtures.path("several.safetensors");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> FeatureFiles.read(path, "__metadata__"));

    assertEquals(
        path + " has no array with key '__metadata__'; its keys are: half, brain, single, double",
        error.getMessage());
  }

  @Test
  void safetensorsRejectsIntegerDtype() {
    Path path = Fixtures.path("unsupported.safetensors");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> FeatureFiles.read(path, "counts"));

    assertEquals(
        path
            + " (tensor 'counts'): dtype I32 is not supported; supported are F16, BF16, F32 and"
            + " F64. Save the features as floating point, for example tensor.float()",
        error.getMessage());
  }

  @Test
  void safetensorsRejectsOneDimensionalTensor() {
    Path path = Fixtures.path("unsupported.safetensors");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> FeatureFiles.read(path, "flat"));

    NpyReadTest.assertStartsWith(
        path + " (tensor 'flat') stores a 1-D array of shape (15,)", error.getMessage());
  }
}
