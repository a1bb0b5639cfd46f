package io.fld.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fld.api.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, truncated, missing and misnamed feature files, and the messages they produce. */
class BadFeatureFileTest {
  @TempDir Path folder;

  private String readError(Path path) {
    return assertThrows(InvalidInputException.class, () -> FeatureFiles.read(path)).getMessage();
  }

  private Path copyPrefix(String fixture, String name, int length) throws IOException {
    byte[] bytes = Files.readAllBytes(Fixtures.path(fixture));
    return Files.write(folder.resolve(name), Arrays.copyOf(bytes, length));
  }

  private Path copyOf(String fixture, String name) throws IOException {
    return Files.copy(Fixtures.path(fixture), folder.resolve(name));
  }

  @Test
  void missingFile() {
    Path path = folder.resolve("absent.npy");

    assertEquals("feature file not found: " + path, readError(path));
  }

  @Test
  void folderInsteadOfFile() throws IOException {
    Path path = Files.createDirectory(folder.resolve("features.npy"));

    assertEquals(
        path + " is a folder, not a feature file; give a file ending in .npy, .npz, .safetensors",
        readError(path));
  }

  @Test
  void emptyFile() throws IOException {
    Path path = Files.createFile(folder.resolve("empty.npy"));

    assertEquals(path + " is empty (0 bytes); write the features again", readError(path));
  }

  @Test
  void unknownExtension() throws IOException {
    Path path = Files.writeString(folder.resolve("features.csv"), "1,2,3\n");

    assertEquals(
        path + " has an unknown feature file extension; supported are .npy, .npz, .safetensors",
        readError(path));
  }

  @Test
  void unknownExtensionNamesDetectedFormat() throws IOException {
    Path path = copyOf("f4_le.npy", "features.bin");

    assertEquals(
        path
            + " has an unknown feature file extension; supported are .npy, .npz, .safetensors;"
            + " its content looks like a .npy array, so rename it to end in .npy",
        readError(path));
  }

  @Test
  void npzNamedNpy() throws IOException {
    Path path = copyOf("several.npz", "features.npy");

    assertEquals(
        path
            + " has the .npy extension but contains an .npz archive (a zip file); rename it to end"
            + " in .npz",
        readError(path));
  }

  @Test
  void npyNamedSafetensors() throws IOException {
    Path path = copyOf("f8_le.npy", "features.safetensors");

    assertEquals(
        path
            + " has the .safetensors extension but contains a .npy array; rename it to end in"
            + " .npy",
        readError(path));
  }

  @Test
  void extensionIsCaseInsensitive() throws IOException {
    Path path = copyOf("f4_le.npy", "FEATURES.NPY");

    assertEquals(Fixtures.quarter(4, 2), FeatureFiles.read(path).get(4, 2));
  }

  @Test
  void gitLfsPointer() throws IOException {
    String pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize 188\n";
    Path path = Files.writeString(folder.resolve("features.npy"), pointer);

    assertEquals(
        path + " is a Git LFS pointer, not the feature data; fetch it with git lfs pull",
        readError(path));
  }

  @Test
  void badMagic() throws IOException {
    Path path = Files.writeString(folder.resolve("features.npy"), "not numpy at all");

    assertEquals(
        path
            + " is not a .npy file: it does not start with the bytes \\x93NUMPY; save the features"
            + " with np.save",
        readError(path));
  }

  @Test
  void truncatedNpyData() throws IOException {
    // f4_le.npy: 128 header bytes and 5 x 3 float32 values, 188 bytes in all.
    Path path = copyPrefix("f4_le.npy", "cut.npy", 150);

    assertEquals(
        path
            + " is truncated: shape (5, 3) of float32 needs 188 bytes but the file has 150 bytes;"
            + " write it again",
        readError(path));
  }

  @Test
  void trailingBytesAfterNpyData() throws IOException {
    byte[] bytes = Files.readAllBytes(Fixtures.path("f4_le.npy"));
    Path path = Files.write(folder.resolve("long.npy"), Arrays.copyOf(bytes, bytes.length + 4));

    assertEquals(
        path
            + " is damaged: shape (5, 3) of float32 needs 188 bytes but the file has 192 bytes,"
            + " more than its header describes; write it again",
        readError(path));
  }

  @Test
  void truncatedNpyHeader() throws IOException {
    Path path = copyPrefix("f4_le.npy", "cut.npy", 40);

    assertEquals(
        path + " is truncated: it ends inside the dict of its .npy header; write it again",
        readError(path));
  }

  @Test
  void unsupportedNpyVersion() throws IOException {
    byte[] bytes = Files.readAllBytes(Fixtures.path("f4_le.npy"));
    bytes[6] = 4;
    Path path = Files.write(folder.resolve("future.npy"), bytes);

    assertEquals(
        path
            + ": .npy format version 4.0 is not supported; supported versions are 1.0, 2.0 and"
            + " 3.0. Save the file with np.save from numpy 1.x or 2.x",
        readError(path));
  }

  @Test
  void malformedNpyHeader() throws IOException {
    byte[] bytes = Files.readAllBytes(Fixtures.path("f4_le.npy"));
    String header = new String(bytes, 10, 118, StandardCharsets.ISO_8859_1);
    byte[] broken =
        header.replace("'shape': (5, 3)", "'shape': [5; 3]").getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(broken, 0, bytes, 10, broken.length);
    Path path = Files.write(folder.resolve("broken.npy"), bytes);

    String message = readError(path);

    NpyReadTest.assertStartsWith(
        path + ": invalid .npy header (expected ',' or ']' after an item opened by '[' at",
        message);
  }

  @Test
  void npyHeaderWithoutShape() throws IOException {
    byte[] bytes = Files.readAllBytes(Fixtures.path("f4_le.npy"));
    String header = new String(bytes, 10, 118, StandardCharsets.ISO_8859_1);
    byte[] renamed = header.replace("'shape'", "'shope'").getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(renamed, 0, bytes, 10, renamed.length);
    Path path = Files.write(folder.resolve("noshape.npy"), bytes);

    assertEquals(
        path
            + ": invalid .npy header (the key 'shape' is missing); the file is damaged or was not"
            + " written by numpy, write it again with np.save",
        readError(path));
  }

  @Test
  void truncatedNpzArchive() throws IOException {
    Path path = copyPrefix("several.npz", "cut.npz", 700);

    NpyReadTest.assertStartsWith(path + " is not a readable zip archive (", readError(path));
    NpyReadTest.assertContains(
        "); it may be truncated or damaged, write it again with np.savez", readError(path));
  }

  @Test
  void truncatedSafetensorsData() throws IOException {
    // single.safetensors: 8 + 72 header bytes and 60 data bytes, 140 bytes in all.
    Path path = copyPrefix("single.safetensors", "cut.safetensors", 130);

    assertEquals(
        path
            + " is truncated: its header describes 140 bytes but the file has 130 bytes; write"
            + " it again",
        readError(path));
  }

  @Test
  void truncatedSafetensorsHeader() throws IOException {
    Path path = copyPrefix("single.safetensors", "cut.safetensors", 40);

    assertEquals(
        path
            + " is truncated: its header needs 80 bytes but the file has 40 bytes; write it"
            + " again",
        readError(path));
  }

  @Test
  void safetensorsHeaderLengthOutOfRange() throws IOException {
    byte[] bytes = Files.readAllBytes(Fixtures.path("single.safetensors"));
    bytes[7] = 0x7f;
    Path path = Files.write(folder.resolve("huge.safetensors"), bytes);

    assertEquals(
        path
            + ": invalid .safetensors header (the header length 9151314442816847944 is out of"
            + " range); the file is damaged or not a safetensors file, write it again",
        readError(path));
  }

  @Test
  void nestedShapeItemShownAsPython() throws IOException {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': ((200,), 16), }";
    Path path = Files.write(folder.resolve("nested.npy"), Fixtures.npy(dict, new byte[0]));

    assertEquals(
        path
            + ": invalid .npy header ('shape' contains (200,), not a length); the file is damaged"
            + " or was not written by numpy, write it again with np.save",
        readError(path));
  }

  @Test
  void shapeNoneShownAsPython() throws IOException {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (5, None), }";
    Path path = Files.write(folder.resolve("none.npy"), Fixtures.npy(dict, new byte[0]));

    NpyReadTest.assertStartsWith(
        path + ": invalid .npy header ('shape' contains None, not a length)", readError(path));
  }

  @Test
  void shapeStringShownAsPython() throws IOException {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': '5x3', }";
    Path path = Files.write(folder.resolve("text.npy"), Fixtures.npy(dict, new byte[0]));

    NpyReadTest.assertStartsWith(
        path + ": invalid .npy header ('shape' is '5x3', not a tuple of integers)",
        readError(path));
  }

  @Test
  void fortranOrderShownAsPython() throws IOException {
    String dict = "{'descr': '<f4', 'fortran_order': 'yes', 'shape': (5, 3), }";
    Path path = Files.write(folder.resolve("order.npy"), Fixtures.npy(dict, new byte[0]));

    NpyReadTest.assertStartsWith(
        path + ": invalid .npy header ('fortran_order' is 'yes', not True or False)",
        readError(path));
  }

  @Test
  void descrNotADtype() throws IOException {
    String dict = "{'descr': {'kind': 'f'}, 'fortran_order': False, 'shape': (5, 3), }";
    Path path = Files.write(folder.resolve("descr.npy"), Fixtures.npy(dict, new byte[0]));

    NpyReadTest.assertStartsWith(
        path
            + ": invalid .npy header ('descr' is {'kind': 'f'}, not a type string such as '<f4'"
            + " or a list of fields)",
        readError(path));
  }

  @Test
  void safetensorsShapeItemShownAsJson() throws IOException {
    String json = "{\"x\":{\"dtype\":\"F32\",\"shape\":[\"5\",3],\"data_offsets\":[0,0]}}";
    Path path =
        Files.write(folder.resolve("text.safetensors"), Fixtures.safetensors(json, new byte[0]));

    NpyReadTest.assertStartsWith(
        path + ": invalid .safetensors header (tensor 'x' 'shape' contains \"5\", not a count)",
        readError(path));
  }
}
