package io.fld.core.cache;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

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
  private static final int MINIMUM_BYTES = MAGIC.length + Integer.BYTES + TRAILER_BYTES;
  private static final String TEMPORARY_SUFFIX = ".tmp";
  private static final int BUFFER_BYTES = 1 << 16;
  private static final int FLOATS_PER_BUFFER = BUFFER_BYTES / Float.BYTES;

  private CacheFile() {}

  /**
   * Writes {@code features} under {@code key} to {@code file}, atomically. The values are streamed
   * through a small buffer, so a matrix of any size needs no second copy in memory.
   */
  static void write(Path file, String key, FeatureSet features) throws IOException {
    Path temporary =
        Files.createTempFile(file.getParent(), file.getFileName().toString(), TEMPORARY_SUFFIX);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        BufferedOutputStream buffered =
            new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
        CheckedOutputStream checked = new CheckedOutputStream(buffered, new CRC32());
        DataOutputStream out = new DataOutputStream(checked);
        long length = writeBody(out, key, features);
        out.flush();
        long crc = checked.getChecksum().getValue();
        DataOutputStream trailer = new DataOutputStream(buffered);
        trailer.writeLong(length);
        trailer.writeLong(crc);
        trailer.flush();
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
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < MINIMUM_BYTES) {
        throw new CacheFormatException(file + ": truncated cache entry (" + size + " bytes)");
      }
      CheckedInputStream checked =
          new CheckedInputStream(
              new BufferedInputStream(Channels.newInputStream(channel), BUFFER_BYTES), new CRC32());
      DataInputStream in = new DataInputStream(checked);
      checkMagic(file, in);
      checkVersion(file, in.readInt());
      long[] trailer = readTrailer(channel, size);
      long bodyLength = size - TRAILER_BYTES;
      if (trailer[0] != bodyLength) {
        throw new CacheFormatException(
            file
                + ": truncated or extended cache entry ("
                + size
                + " bytes, trailer says "
                + (trailer[0] + TRAILER_BYTES)
                + ")");
      }
      FeatureSet features = readBody(file, in, expectedKey, bodyLength);
      if (checked.getChecksum().getValue() != trailer[1]) {
        throw new CacheFormatException(file + ": corrupt cache entry (CRC32 mismatch)");
      }
      return features;
    } catch (EOFException e) {
      throw new CacheFormatException(file + ": truncated cache entry (" + e + ")");
    }
  }

  /** Writes everything before the trailer and returns its length in bytes. */
  private static long writeBody(DataOutputStream out, String key, FeatureSet features)
      throws IOException {
    out.write(MAGIC);
    out.writeInt(FORMAT_VERSION);
    long length = MAGIC.length + Integer.BYTES;
    FeatureProvenance provenance = features.provenance();
    for (String text :
        new String[] {
          key,
          provenance.source(),
          provenance.extractorId(),
          provenance.modelChecksum(),
          provenance.preprocessing()
        }) {
      length += writeString(out, text);
    }
    out.writeInt(features.rows());
    out.writeInt(features.dimension());
    length += 2 * Integer.BYTES;
    FloatBuffer values = features.buffer();
    ByteBuffer chunk = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.BIG_ENDIAN);
    while (values.hasRemaining()) {
      int count = Math.min(FLOATS_PER_BUFFER, values.remaining());
      chunk.clear();
      for (int i = 0; i < count; i++) {
        chunk.putFloat(values.get());
      }
      out.write(chunk.array(), 0, count * Float.BYTES);
      length += (long) count * Float.BYTES;
    }
    return length;
  }

  private static FeatureSet readBody(
      Path file, DataInputStream in, String expectedKey, long bodyLength) throws IOException {
    long consumed = MAGIC.length + Integer.BYTES;
    String key = readString(file, in, bodyLength - consumed);
    consumed += Integer.BYTES + utf8Length(key);
    if (!key.equals(expectedKey)) {
      throw new CacheFormatException(file + ": the entry was written for another key");
    }
    String[] provenance = new String[4];
    for (int i = 0; i < provenance.length; i++) {
      provenance[i] = readString(file, in, bodyLength - consumed);
      consumed += Integer.BYTES + utf8Length(provenance[i]);
    }
    int rows = in.readInt();
    int dimension = in.readInt();
    consumed += 2 * Integer.BYTES;
    long valueBytes = (long) rows * dimension * Float.BYTES;
    if (rows < 1 || dimension < 1 || consumed + valueBytes != bodyLength) {
      throw new CacheFormatException(
          file
              + ": the entry declares "
              + rows
              + " x "
              + dimension
              + " values but contains "
              + (bodyLength - consumed)
              + " bytes of them");
    }
    float[] values = readFloats(in, rows * dimension);
    return FeatureSet.wrap(
        values,
        rows,
        dimension,
        new FeatureProvenance(provenance[0], provenance[1], provenance[2], provenance[3]));
  }

  private static float[] readFloats(DataInputStream in, int count) throws IOException {
    float[] values = new float[count];
    byte[] chunk = new byte[BUFFER_BYTES];
    ByteBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
    int done = 0;
    while (done < count) {
      int floats = Math.min(FLOATS_PER_BUFFER, count - done);
      in.readFully(chunk, 0, floats * Float.BYTES);
      view.clear();
      for (int i = 0; i < floats; i++) {
        values[done++] = view.getFloat();
      }
    }
    return values;
  }

  private static void checkMagic(Path file, DataInputStream in) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    in.readFully(magic);
    if (!Arrays.equals(magic, MAGIC)) {
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

  private static long[] readTrailer(FileChannel channel, long size) throws IOException {
    ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES);
    long position = size - TRAILER_BYTES;
    while (trailer.hasRemaining()) {
      int read = channel.read(trailer, position + trailer.position());
      if (read < 0) {
        throw new EOFException("end of file inside the trailer");
      }
    }
    trailer.flip();
    return new long[] {trailer.getLong(), trailer.getLong()};
  }

  private static int writeString(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
    return Integer.BYTES + bytes.length;
  }

  private static String readString(Path file, DataInputStream in, long remaining)
      throws IOException {
    int length = in.readInt();
    if (length < 0 || length > remaining) {
      throw new CacheFormatException(
          file + ": malformed cache entry (a string of " + length + " bytes)");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
