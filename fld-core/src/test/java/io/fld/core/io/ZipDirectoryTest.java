package io.fld.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads member names and methods from zip central directories. */
class ZipDirectoryTest {
  @TempDir Path folder;

  @Test
  void readsNamesAndMethods() throws IOException {
    List<ZipDirectory.Member> members =
        ZipDirectory.read(Fixtures.path("several_compressed.npz")).orElseThrow();

    assertEquals(
        List.of(
            new ZipDirectory.Member("train.npy", ZipEntry.DEFLATED),
            new ZipDirectory.Member("test.npy", ZipEntry.DEFLATED),
            new ZipDirectory.Member("gen.npy", ZipEntry.DEFLATED)),
        members);
  }

  @Test
  void readsZip64EndRecords() throws IOException {
    // More than 65535 members make the JDK write the zip64 end records.
    int count = 0x10000;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(0);
      for (int i = 0; i < count; i++) {
        zip.putNextEntry(new ZipEntry(i + ".npy"));
        zip.closeEntry();
      }
    }
    byte[] patched = NpzMemberTest.withMethod(bytes.toByteArray(), 12);
    Path path = Files.write(folder.resolve("many.npz"), patched);

    List<ZipDirectory.Member> members = ZipDirectory.read(path).orElseThrow();

    assertEquals(count, members.size());
    assertEquals(new ZipDirectory.Member("65535.npy", 12), members.get(count - 1));
  }

  @Test
  void truncatedArchiveHasNoDirectory() throws IOException {
    byte[] bytes = Files.readAllBytes(Fixtures.path("several.npz"));
    Path path = Files.write(folder.resolve("cut.npz"), Arrays.copyOf(bytes, 700));

    Optional<List<ZipDirectory.Member>> members = ZipDirectory.read(path);

    assertTrue(members.isEmpty(), "members of a truncated archive: " + members);
  }
}
