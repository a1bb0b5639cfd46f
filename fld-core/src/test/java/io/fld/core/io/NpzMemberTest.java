package io.fld.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .npz} archives whose members are not all readable {@code .npy} arrays. */
class NpzMemberTest {
  private static final byte[] README = "features from run 7\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path folder;

  /** Writes the members, in order, as stored zip entries. */
  static byte[] storedZip(Map<String, byte[]> members) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> member : members.entrySet()) {
        byte[] data = member.getValue();
        ZipEntry entry = new ZipEntry(member.getKey());
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Sets the compression method of every member, in its local and its central directory header,
   * without recompressing the data. The method field is at offset 8 of a local header and at offset
   * 10 of a central directory header.
   */
  static byte[] withMethod(byte[] zip, int method) {
    ByteBuffer buffer = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
    for (int offset = 0; offset + 4 <= zip.length; offset++) {
      int signature = buffer.getInt(offset);
      if (signature == 0x04034b50) {
        buffer.putShort(offset + 8, (short) method);
      } else if (signature == 0x02014b50) {
        buffer.putShort(offset + 10, (short) method);
      }
    }
    return buffer.array();
  }

  private static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(Fixtures.path(name));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(folder.resolve(name), bytes);
  }

  private static String readError(Path path, String key) {
    return assertThrows(InvalidInputException.class, () -> FeatureFiles.read(path, key))
        .getMessage();
  }

  private static String keysError(Path path) {
    return assertThrows(InvalidInputException.class, () -> FeatureFiles.keys(path)).getMessage();
  }

  @Test
  void archiveWithoutNpyMembers() throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("readme.txt", README);
    members.put("notes/labels.csv", README);
    Path path = write("x.npz", storedZip(members));

    assertEquals(
        path
            + " contains no .npy arrays, only the members readme.txt, notes/labels.csv; an .npz"
            + " archive needs one member ending in .npy per array, so save the features again"
            + " with np.savez or np.savez_compressed",
        readError(path, null));
    assertEquals(List.of(), FeatureFiles.keys(path));
  }

  @Test
  void otherMembersAreNotKeys() throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("readme.txt", README);
    members.put("train.npy", fixture("f4_le.npy"));
    members.put("test.npy", fixture("f8_le.npy"));
    Path path = write("x.npz", storedZip(members));

    assertEquals(List.of("train", "test"), FeatureFiles.keys(path));
    assertEquals(Fixtures.quarter(4, 2), FeatureFiles.read(path, "train").get(4, 2));
  }

  @Test
  void singleArrayBesideOtherMemberNeedsNoKey() throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("readme.txt", README);
    members.put("train.npy", fixture("f4_le.npy"));
    Path path = write("x.npz", storedZip(members));

    FeatureSet features = FeatureFiles.read(path);

    assertEquals(Fixtures.quarter(1, 1), features.get(1, 1));
  }

  @Test
  void keyOfOtherMemberIsNotAnArray() throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("readme.txt", README);
    members.put("train.npy", fixture("f4_le.npy"));
    members.put("test.npy", fixture("f8_le.npy"));
    Path path = write("x.npz", storedZip(members));

    assertEquals(
        path
            + ", member readme.txt is not a .npy array, so it cannot be read as features; select"
            + " one of the array keys: train, test",
        readError(path, "readme.txt"));
  }

  @Test
  void keyOfMemberWithoutSuffix() throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("readme", README);
    members.put("train.npy", fixture("f4_le.npy"));
    Path path = write("x.npz", storedZip(members));

    assertEquals(
        path
            + ", member readme is not a .npy array, so it cannot be read as features; select"
            + " one of the array keys: train",
        readError(path, "readme"));
  }

  @Test
  void bzip2MemberNamesMethod() throws IOException {
    Path path = write("bz.npz", withMethod(fixture("several.npz"), 12));

    assertEquals(
        path
            + ", member train.npy uses zip compression method 12 (bzip2), which is not supported;"
            + " only stored and deflated members can be read, as np.savez and"
            + " np.savez_compressed write them. Save the features again with np.savez or"
            + " np.savez_compressed",
        readError(path, "train"));
  }

  @Test
  void lzmaMemberNamesMethodForKeys() throws IOException {
    Path path = write("lzma.npz", withMethod(fixture("single.npz"), 14));

    NpyReadTest.assertStartsWith(
        path + ", member arr_0.npy uses zip compression method 14 (LZMA), which is not supported",
        keysError(path));
  }

  @Test
  void unnamedMethodIsGivenByNumber() throws IOException {
    Path path = write("other.npz", withMethod(fixture("zip64.npz"), 99));

    NpyReadTest.assertStartsWith(
        path + ", member train.npy uses zip compression method 99, which is not supported",
        readError(path, null));
  }

  @Test
  void memberErrorNamesMember() throws IOException {
    byte[] garbage = fixture("f4_le.npy");
    garbage[6] = ' ';
    garbage[7] = 'g';
    Path path = write("badmember.npz", storedZip(Map.of("feats.npy", garbage)));

    assertEquals(
        path
            + ", member feats.npy: .npy format version 32.103 is not supported; supported"
            + " versions are 1.0, 2.0 and 3.0. Save the file with np.save from numpy 1.x or 2.x",
        readError(path, null));
  }

  @Test
  void memberSizeIsCalledMember() throws IOException {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (40000, 40000), }";
    byte[] member = Fixtures.npy(dict, new byte[1000]);
    Path path = write("big.npz", storedZip(Map.of("big.npy", member)));

    assertEquals(
        path
            + ", member big.npy is truncated: shape (40000, 40000) of float32 needs 6400000128"
            + " bytes but the member has 1128 bytes; write it again",
        readError(path, null));
  }

  @Test
  void memberWithExtraBytesIsCalledMember() throws IOException {
    byte[] npy = fixture("f4_le.npy");
    byte[] member = Arrays.copyOf(npy, npy.length + 4);
    Path path = write("long.npz", storedZip(Map.of("train.npy", member)));

    assertEquals(
        path
            + ", member train.npy is damaged: shape (5, 3) of float32 needs 188 bytes but the"
            + " member has 192 bytes, more than its header describes; write it again",
        readError(path, null));
  }
}
