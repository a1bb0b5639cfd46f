package io.fld.core.cache;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * The on-disk format of one cache entry or chunk.
 *
 * <pre>
 * magic      8 bytes  "FLDCACHE"
 * version    int32    {@link #FORMAT_VERSION}
 * key        string   the canonical key text (a chunk appends its index)
 * provenance 4 strings source, extractor id, model checksum, preprocessing
 * rows       int32
 * dimension  int32
 * values     rows x dimension float32, row-major
 * length     int64    the number of bytes before this field
 * crc        int64    CRC32 of every byte before this field
 * </pre>
 *
 * Integers and floats are big-endian; a string is an int32 byte count and UTF-8 bytes. A reader
 * checks the magic, the version, the length, the checksum and the key, so a truncated, corrupt or
 * foreign file is rejected, never returned. Files are written to a temporary file in the same
 * folder, forced to disk and renamed atomically.
 */
final class CacheFile {

  /** The format version this code writes. */
  static final int FORMAT_VERSION = 1;

  /** The oldest format version this code reads. */
  static final int OLDEST_READABLE_VERSION = 1;

  private static final byte[] MAGIC = "FLDCACHE".getBytes(StandardCharsets.US_ASCII);
  private static final int TRAILER_BYTES = 2 * Long.BYTES;
  private static final String TEMPORARY_SUFFIX = ".tmp";

  private CacheFile() {}

  /** Writes {@code features} under {@code key} to {@code file}, atomically. */
  static void write(Path file, String key, FeatureSet features) throws IOException {
    byte[] content = encode(key, features);
    Path temporary =
        Files.createTempFile(file.getParent(), file.getFileName().toString(), TEMPORARY_SUFFIX);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Reads the entry in {@code file}.
   *
   * @throws CacheFormatException if the file is truncated, corrupt, of an unsupported version or
   *     written for another key. The message names the cause
   */
  static FeatureSet read(Path file, String expectedKey) throws IOException {
    byte[] content = Files.readAllBytes(file);
    if (content.length < MAGIC.length + Integer.BYTES + TRAILER_BYTES) {
      throw new CacheFormatException(
          file + ": truncated cache entry (" + content.length + " bytes)");
    }
    ByteBuffer buffer = ByteBuffer.wrap(content);
    checkMagic(file, buffer);
    checkVersion(file, buffer.getInt());
    checkTrailer(file, content);
    try {
      return decode(file, buffer, expectedKey, content.length - TRAILER_BYTES);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new CacheFormatException(file + ": malformed cache entry (" + e + ")");
    }
  }

  private static byte[] encode(String key, FeatureSet features) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeInt(FORMAT_VERSION);
    writeString(out, key);
    FeatureProvenance provenance = features.provenance();
    writeString(out, provenance.source());
    writeString(out, provenance.extractorId());
    writeString(out, provenance.modelChecksum());
    writeString(out, provenance.preprocessing());
    out.writeInt(features.rows());
    out.writeInt(features.dimension());
    ByteBuffer values = ByteBuffer.allocate(features.rows() * features.dimension() * Float.BYTES);
    values.order(ByteOrder.BIG_ENDIAN).asFloatBuffer().put(features.buffer());
    out.write(values.array());
    out.flush();
    long length = bytes.size();
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeLong(length);
    out.writeLong(crc.getValue());
    out.flush();
    return bytes.toByteArray();
  }

  private static FeatureSet decode(Path file, ByteBuffer buffer, String expectedKey, int end)
      throws CacheFormatException {
    String key = readString(buffer);
    if (!key.equals(expectedKey)) {
      throw new CacheFormatException(file + ": the entry was written for another key");
    }
    FeatureProvenance provenance =
        new FeatureProvenance(
            readString(buffer), readString(buffer), readString(buffer), readString(buffer));
    int rows = buffer.getInt();
    int dimension = buffer.getInt();
    long valueBytes = (long) rows * dimension * Float.BYTES;
    if (rows < 1 || dimension < 1 || buffer.position() + valueBytes != end) {
      throw new CacheFormatException(
          file
              + ": the entry declares "
              + rows
              + " x "
              + dimension
              + " values but holds "
              + (end - buffer.position())
              + " bytes of them");
    }
    float[] values = new float[rows * dimension];
    buffer.asFloatBuffer().get(values);
    return FeatureSet.wrap(values, rows, dimension, provenance);
  }

  private static void checkMagic(Path file, ByteBuffer buffer) throws CacheFormatException {
    byte[] magic = new byte[MAGIC.length];
    buffer.get(magic);
    if (!java.util.Arrays.equals(magic, MAGIC)) {
      throw new CacheFormatException(file + ": not an FLD cache file");
    }
  }

  private static void checkVersion(Path file, int version) throws CacheFormatException {
    if (version < OLDEST_READABLE_VERSION || version > FORMAT_VERSION) {
      String relation = version > FORMAT_VERSION ? "newer" : "older";
      throw new CacheFormatException(
          file
              + ": cache format version "
              + version
              + " is "
              + relation
              + " than this version"
              + " reads ("
              + OLDEST_READABLE_VERSION
              + " to "
              + FORMAT_VERSION
              + ")");
    }
  }

  private static void checkTrailer(Path file, byte[] content) throws CacheFormatException {
    ByteBuffer trailer = ByteBuffer.wrap(content, content.length - TRAILER_BYTES, TRAILER_BYTES);
    long length = trailer.getLong();
    long expectedCrc = trailer.getLong();
    if (length != content.length - TRAILER_BYTES) {
      throw new CacheFormatException(
          file
              + ": truncated or extended cache entry ("
              + content.length
              + " bytes, trailer says "
              + (length + TRAILER_BYTES)
              + ")");
    }
    CRC32 crc = new CRC32();
    crc.update(content, 0, content.length - TRAILER_BYTES);
    if (crc.getValue() != expectedCrc) {
      throw new CacheFormatException(file + ": corrupt cache entry (CRC32 mismatch)");
    }
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(ByteBuffer buffer) {
    int length = buffer.getInt();
    if (length < 0 || length > buffer.remaining()) {
      throw new IllegalArgumentException("string length " + length + " out of range");
    }
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
