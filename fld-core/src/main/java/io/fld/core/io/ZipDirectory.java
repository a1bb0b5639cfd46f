package io.fld.core.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the member names and compression methods from the central directory of a zip archive
 * without {@code java.util.zip}, so that an archive which {@link java.util.zip.ZipFile} rejects can
 * still be described in an error message. The record layouts follow PKWARE's zip specification
 * (APPNOTE.TXT), including the zip64 end records.
 */
final class ZipDirectory {
  /** One member as its central directory header describes it. */
  record Member(String name, int method) {}

  private static final int END_SIGNATURE = 0x06054b50;
  private static final int END_BYTES = 22;
  private static final int MAX_COMMENT_BYTES = 0xffff;
  private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
  private static final int ZIP64_LOCATOR_BYTES = 20;
  private static final int ZIP64_END_SIGNATURE = 0x06064b50;
  private static final int ZIP64_END_BYTES = 56;
  private static final int MEMBER_SIGNATURE = 0x02014b50;
  private static final int MEMBER_FIXED_BYTES = 46;
  private static final long UNSIGNED_INT_MAX = 0xffffffffL;
  private static final int UNSIGNED_SHORT_MAX = 0xffff;

  private ZipDirectory() {}

  /**
   * Returns the members in directory order, or empty when the archive has no central directory that
   * this reader can find, as in a truncated file.
   */
  static Optional<List<Member>> read(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      return read(channel);
    }
  }

  private static Optional<List<Member>> read(FileChannel channel) throws IOException {
    long size = channel.size();
    int tailBytes = (int) Math.min(size, END_BYTES + MAX_COMMENT_BYTES);
    ByteBuffer tail = readAt(channel, size - tailBytes, tailBytes);
    if (tail == null) {
      return Optional.empty();
    }
    int end = findEndRecord(tail);
    if (end < 0) {
      return Optional.empty();
    }

    long count = Short.toUnsignedInt(tail.getShort(end + 10));
    long directoryBytes = Integer.toUnsignedLong(tail.getInt(end + 12));
    long directoryStart = Integer.toUnsignedLong(tail.getInt(end + 16));
    boolean zip64 =
        count == UNSIGNED_SHORT_MAX
            || directoryBytes == UNSIGNED_INT_MAX
            || directoryStart == UNSIGNED_INT_MAX;
    if (zip64) {
      long endPosition = size - tailBytes + end;
      ByteBuffer zip64End = readZip64End(channel, endPosition);
      if (zip64End == null) {
        return Optional.empty();
      }
      count = zip64End.getLong(32);
      directoryBytes = zip64End.getLong(40);
      directoryStart = zip64End.getLong(48);
    }
    if (directoryStart < 0 || directoryBytes < 0 || directoryStart > size - directoryBytes) {
      return Optional.empty();
    }
    return readMembers(channel, directoryStart, directoryBytes, count);
  }

  /** Returns the offset of the end-of-directory record in {@code tail}, or -1 if there is none. */
  private static int findEndRecord(ByteBuffer tail) {
    // The record ends the file unless a comment of up to 65535 bytes follows it.
    for (int offset = tail.limit() - END_BYTES; offset >= 0; offset--) {
      if (tail.getInt(offset) == END_SIGNATURE) {
        return offset;
      }
    }
    return -1;
  }

  private static ByteBuffer readZip64End(FileChannel channel, long endPosition) throws IOException {
    ByteBuffer locator = readAt(channel, endPosition - ZIP64_LOCATOR_BYTES, ZIP64_LOCATOR_BYTES);
    if (locator == null || locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
      return null;
    }
    long zip64EndPosition = locator.getLong(8);
    ByteBuffer zip64End = readAt(channel, zip64EndPosition, ZIP64_END_BYTES);
    if (zip64End == null || zip64End.getInt(0) != ZIP64_END_SIGNATURE) {
      return null;
    }
    return zip64End;
  }

  private static Optional<List<Member>> readMembers(
      FileChannel channel, long start, long bytes, long count) throws IOException {
    channel.position(start);
    // The stream is not closed here because closing it would close the caller's channel.
    InputStream stream = new BufferedInputStream(Channels.newInputStream(channel));
    DataInputStream input = new DataInputStream(stream);
    List<Member> members = new ArrayList<>();
    long consumed = 0;
    byte[] fixed = new byte[MEMBER_FIXED_BYTES];

    try {
      while (members.size() < count && consumed + MEMBER_FIXED_BYTES <= bytes) {
        input.readFully(fixed);
        ByteBuffer header = ByteBuffer.wrap(fixed).order(ByteOrder.LITTLE_ENDIAN);
        if (header.getInt(0) != MEMBER_SIGNATURE) {
          return Optional.empty();
        }
        int method = Short.toUnsignedInt(header.getShort(10));
        int nameBytes = Short.toUnsignedInt(header.getShort(28));
        int extraBytes = Short.toUnsignedInt(header.getShort(30));
        int commentBytes = Short.toUnsignedInt(header.getShort(32));

        byte[] name = new byte[nameBytes];
        input.readFully(name);
        input.skipNBytes((long) extraBytes + commentBytes);
        members.add(new Member(new String(name, StandardCharsets.UTF_8), method));
        consumed += MEMBER_FIXED_BYTES + nameBytes + extraBytes + commentBytes;
      }
    } catch (EOFException e) {
      return Optional.empty();
    }
    return Optional.of(members);
  }

  /** Reads {@code count} bytes at {@code position}, or returns null if the file ends first. */
  private static ByteBuffer readAt(FileChannel channel, long position, int count)
      throws IOException {
    if (position < 0) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.allocate(count).order(ByteOrder.LITTLE_ENDIAN);
    channel.position(position);
    MatrixDecoder.readFully(channel, buffer);
    if (buffer.hasRemaining()) {
      return null;
    }
    return buffer.flip();
  }
}
