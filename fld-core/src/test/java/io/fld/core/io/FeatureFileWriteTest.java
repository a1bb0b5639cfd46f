package io.fld.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Round trips through the writers, and layouts larger than one read chunk. */
class FeatureFileWriteTest {
  private static final long SEED = 20_240_611L;

  /** Rows x columns of a matrix that spans several 1 MiB read and write chunks. */
  private static final int LARGE_ROWS = 2_000;

  private static final int LARGE_COLUMNS = 768;

  @TempDir Path folder;

  private static FeatureSet randomFeatures(int rows, int columns, long seed) {
    Random random = new Random(seed);
    float[] values = new float[rows * columns];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return FeatureSet.wrap(values, rows, columns, FeatureProvenance.ofSource("random"));
  }

  private static void assertSameValues(FeatureSet expected, FeatureSet actual) {
    assertEquals(expected.rows(), actual.rows(), "rows");
    assertEquals(expected.dimension(), actual.dimension(), "dimension");
    assertArrayEquals(expected.toArray(), actual.toArray());
  }

  @ParameterizedTest
  @ValueSource(strings = {"out.npy", "out.npz", "out.safetensors"})
  void roundTripsLargeMatrix(String name) throws IOException {
    FeatureSet features = randomFeatures(LARGE_ROWS, LARGE_COLUMNS, SEED);
    Path path = folder.resolve(name);

    FeatureFiles.write(path, features);
    FeatureSet read = FeatureFiles.read(path);

    assertSameValues(features, read);
    assertEquals(path.toString(), read.provenance().source());
  }

  @Test
  void npyHeaderMatchesNumpyLayout() throws IOException {
    Path path = folder.resolve("out.npy");

    FeatureFiles.write(path, randomFeatures(7, 3, SEED));

    byte[] bytes = Files.readAllBytes(path);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(1, bytes[6], "major version");
    assertEquals(0, bytes[7], "minor version");
    int headerLength = Short.toUnsignedInt(buffer.getShort(8));
    assertEquals(0, (10 + headerLength) % 64, "data offset alignment");
    String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
    assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (7, 3), }", header.strip());
    assertEquals('\n', header.charAt(header.length() - 1));
    assertEquals(10 + headerLength + 7 * 3 * Float.BYTES, bytes.length, "file length");
  }

  @Test
  void npzStoresNamedArraysBothWays() throws IOException {
    Map<String, FeatureSet> arrays = new LinkedHashMap<>();
    arrays.put("train", randomFeatures(40, 8, SEED));
    arrays.put("test", randomFeatures(30, 8, SEED + 1));
    arrays.put("gen", randomFeatures(20, 8, SEED + 2));

    for (FeatureFiles.NpzCompression compression : FeatureFiles.NpzCompression.values()) {
      Path path = folder.resolve(compression + ".npz");
      FeatureFiles.writeNpz(path, arrays, compression);

      assertEquals(List.of("train", "test", "gen"), FeatureFiles.keys(path));
      for (Map.Entry<String, FeatureSet> array : arrays.entrySet()) {
        assertSameValues(array.getValue(), FeatureFiles.read(path, array.getKey()));
      }
      int expectedMethod =
          compression == FeatureFiles.NpzCompression.STORED ? ZipEntry.STORED : ZipEntry.DEFLATED;
      try (ZipFile zip = new ZipFile(path.toFile())) {
        assertEquals(expectedMethod, zip.getEntry("train.npy").getMethod(), compression.name());
      }
    }
  }

  @Test
  void safetensorsStoresNamedArrays() throws IOException {
    Map<String, FeatureSet> arrays = new LinkedHashMap<>();
    arrays.put("train", randomFeatures(11, 5, SEED));
    arrays.put("quote\"key", randomFeatures(3, 5, SEED + 1));
    Path path = folder.resolve("out.safetensors");

    FeatureFiles.write(path, arrays);

    assertEquals(List.of("train", "quote\"key"), FeatureFiles.keys(path));
    assertSameValues(arrays.get("train"), FeatureFiles.read(path, "train"));
    assertSameValues(arrays.get("quote\"key"), FeatureFiles.read(path, "quote\"key"));
    long headerLength =
        ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, headerLength % 8, "header length alignment");
  }

  @Test
  void singleSetUsesDefaultKey() throws IOException {
    Path npz = folder.resolve("one.npz");
    Path safetensors = folder.resolve("one.safetensors");

    FeatureFiles.write(npz, randomFeatures(4, 2, SEED));
    FeatureFiles.write(safetensors, randomFeatures(4, 2, SEED));

    assertEquals(List.of(FeatureFiles.DEFAULT_KEY), FeatureFiles.keys(npz));
    assertEquals(List.of(FeatureFiles.DEFAULT_KEY), FeatureFiles.keys(safetensors));
  }

  @Test
  void writeReplacesFileAtomically() throws IOException {
    Path path = folder.resolve("features.npy");
    Files.writeString(path, "old content");
    FeatureSet features = randomFeatures(5, 4, SEED);

    FeatureFiles.write(path, features);

    assertSameValues(features, FeatureFiles.read(path));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of(path), files.toList());
    }
  }

  @Test
  void failedWriteKeepsOldFile() throws IOException {
    Path path = folder.resolve("features.safetensors");
    FeatureSet old = randomFeatures(3, 2, SEED);
    FeatureFiles.write(path, old);
    // The reserved key is rejected while the header is encoded, inside the atomic write.
    Map<String, FeatureSet> arrays = new LinkedHashMap<>();
    arrays.put("train", randomFeatures(4, 2, SEED + 1));
    arrays.put("__metadata__", randomFeatures(4, 2, SEED + 2));

    assertThrows(IllegalArgumentException.class, () -> FeatureFiles.write(path, arrays));

    assertSameValues(old, FeatureFiles.read(path));
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of(path), files.toList());
    }
  }

  @Test
  void writeCreatesMissingFolders() throws IOException {
    Path path = folder.resolve("a/b/features.safetensors");
    FeatureSet features = randomFeatures(2, 2, SEED);

    FeatureFiles.write(path, features);

    assertSameValues(features, FeatureFiles.read(path));
  }

  @Test
  void writeRejectsUnknownExtension() {
    Path path = folder.resolve("features.txt");
    FeatureSet features = randomFeatures(2, 2, SEED);

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> FeatureFiles.write(path, features));

    assertEquals(
        path + " has an unknown feature file extension; supported are .npy, .npz, .safetensors",
        error.getMessage());
  }

  @Test
  void npyRejectsSeveralArrays() {
    Map<String, FeatureSet> arrays =
        Map.of("a", randomFeatures(2, 2, SEED), "b", randomFeatures(2, 2, SEED));

    assertThrows(
        IllegalArgumentException.class,
        () -> FeatureFiles.write(folder.resolve("two.npy"), arrays));
  }

  @Test
  void safetensorsRejectsMetadataKey() {
    Map<String, FeatureSet> arrays = Map.of("__metadata__", randomFeatures(2, 2, SEED));

    assertThrows(
        IllegalArgumentException.class,
        () -> FeatureFiles.write(folder.resolve("meta.safetensors"), arrays));
  }

  @Test
  void readsFortranOrderAcrossChunks() throws IOException {
    FeatureSet features = randomFeatures(LARGE_ROWS, LARGE_COLUMNS, SEED);
    for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
      Path f4 = writeColumnMajor(features, "f4", order, folder.resolve("f4_" + order + ".npy"));
      Path f8 = writeColumnMajor(features, "f8", order, folder.resolve("f8_" + order + ".npy"));

      assertSameValues(features, FeatureFiles.read(f4));
      assertSameValues(features, FeatureFiles.read(f8));
    }
  }

  /** Writes {@code features} as a Fortran-order {@code .npy} array, independently of the writer. */
  private static Path writeColumnMajor(FeatureSet features, String kind, ByteOrder order, Path path)
      throws IOException {
    int rows = features.rows();
    int columns = features.dimension();
    String orderCharacter = order == ByteOrder.BIG_ENDIAN ? ">" : "<";
    String dict =
        "{'descr': '"
            + orderCharacter
            + kind
            + "', 'fortran_order': True, 'shape': ("
            + rows
            + ", "
            + columns
            + "), }\n";
    int elementBytes = kind.equals("f8") ? Double.BYTES : Float.BYTES;
    ByteBuffer data = ByteBuffer.allocate(rows * columns * elementBytes).order(order);
    for (int column = 0; column < columns; column++) {
      for (int row = 0; row < rows; row++) {
        if (elementBytes == Double.BYTES) {
          data.putDouble(features.get(row, column));
        } else {
          data.putFloat(features.get(row, column));
        }
      }
    }

    ByteBuffer prefix = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
    prefix.put(NpyFormat.MAGIC).put((byte) 1).put((byte) 0).putShort((short) dict.length());
    byte[] file = new byte[10 + dict.length() + data.capacity()];
    System.arraycopy(prefix.array(), 0, file, 0, 10);
    System.arraycopy(dict.getBytes(StandardCharsets.ISO_8859_1), 0, file, 10, dict.length());
    System.arraycopy(data.array(), 0, file, 10 + dict.length(), data.capacity());
    return Files.write(path, file);
  }
}
