package io.fld.core.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The on-disk format of the sample names beside a cache entry, one per feature row.
 *
 * <pre>
 * magic    8 bytes  "FLDNAMES"
 * version  int32    {@link #FORMAT_VERSION}
 * key      string   the canonical key text
 * count    int32    the number of names
 * names    count strings, in row order
 * crc      int64    CRC32 of every byte before this field
 * </pre>
 *
 * Strings are an int32 byte count and UTF-8 bytes, integers big-endian. The file is written to a
 * temporary file in the same folder and renamed atomically, and checked whole on read.
 */
final class NamesFile {

  /** The format version this code writes and reads. */
  static final int FORMAT_VERSION = 1;

  private static final byte[] MAGIC = "FLDNAMES".getBytes(StandardCharsets.US_ASCII);
  private static final int MINIMUM_BYTES = MAGIC.length + 2 * Integer.BYTES + Long.BYTES;
  private static final String TEMPORARY_SUFFIX = ".tmp";

  private NamesFile() {}

  /** Writes {@code names} under {@code key} to {@code file}, atomically. */
  static void write(Path file, String key, List<String> names) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeInt(FORMAT_VERSION);
    writeString(out, key);
    out.writeInt(names.size());
    for (String name : names) {
      writeString(out, name);
    }
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    out.flush();

    Path temporary =
        Files.createTempFile(file.getParent(), file.getFileName().toString(), TEMPORARY_SUFFIX);
    try {
      Files.write(temporary, bytes.toByteArray());
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Reads the names in {@code file}.
   *
   * @throws CacheFormatException if the file is truncated, corrupt, of another version or written
   *     for another key
   */
  static List<String> read(Path file, String expectedKey) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length < MINIMUM_BYTES) {
      throw new CacheFormatException(
          file + ": truncated sample names (" + bytes.length + " bytes)");
    }
    int bodyLength = bytes.length - Long.BYTES;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bodyLength);
    if (crc.getValue() != ByteBuffer.wrap(bytes, bodyLength, Long.BYTES).getLong()) {
      throw new CacheFormatException(file + ": corrupt sample names (CRC32 mismatch)");
    }
    try {
      return readBody(
          file,
          new DataInputStream(new ByteArrayInputStream(bytes, 0, bodyLength)),
          expectedKey,
          bodyLength);
    } catch (EOFException e) {
      throw new CacheFormatException(file + ": truncated sample names (" + e + ")");
    }
  }

  private static List<String> readBody(
      Path file, DataInputStream in, String expectedKey, int bodyLength) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    in.readFully(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new CacheFormatException(file + ": not an FLD sample names file");
    }
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new CacheFormatException(
          file
              + ": sample names format version "
              + version
              + ", this version reads "
              + FORMAT_VERSION);
    }
    if (!readString(file, in, bodyLength).equals(expectedKey)) {
      throw new CacheFormatException(file + ": the sample names were written for another key");
    }
    int count = in.readInt();
    if (count < 0 || count > bodyLength) {
      throw new CacheFormatException(file + ": malformed sample names (count " + count + ")");
    }
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(readString(file, in, bodyLength));
    }
    if (in.available() != 0) {
      throw new CacheFormatException(file + ": sample names followed by unexpected bytes");
    }
    return names;
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(Path file, DataInputStream in, int limit) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > limit) {
      throw new CacheFormatException(
          file + ": malformed sample names (a string of " + length + " bytes)");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
