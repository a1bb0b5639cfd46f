package io.fld.image.source;

import io.fld.api.InvalidInputException;
import io.fld.image.decode.ImageDecoder;
import io.fld.image.decode.ImageFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A fast check of an image file that reads only its first and last bytes: it finds empty files,
 * files that are not images, and files cut short (the end marker or declared length missing),
 * without decoding any pixels.
 *
 * <p>Some JPEG and GIF writers append data after the end marker or omit it, and Pillow still reads
 * such files. So a JPEG or GIF whose end looks wrong is decoded in full, and only reported when
 * that fails. PNG, BMP and WebP files must end where their structure declares.
 */
public final class ImageCheck {

  private static final int TAIL_LENGTH = 1024;
  private static final byte[] PNG_END = {
    0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82
  };
  private static final int JPEG_END_FIRST = 0xff;
  private static final int JPEG_END_SECOND = 0xd9;
  private static final int GIF_TRAILER = 0x3b;
  private static final int BMP_SIZE_OFFSET = 2;
  private static final int RIFF_SIZE_OFFSET = 4;
  private static final int RIFF_HEADER = 8;

  private static final String EMPTY = "the file is empty (0 bytes)";
  private static final String NOT_AN_IMAGE = "not a PNG, JPEG, GIF, BMP or WebP image";

  private ImageCheck() {}

  /** Returns what is wrong with {@code file}, or empty when it looks like a whole image. */
  public static Optional<String> problem(Path file) throws IOException {
    long size = Files.size(file);
    if (size == 0) {
      return Optional.of(EMPTY);
    }
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      ByteBuffer head = read(channel, 0, (int) Math.min(size, ImageFormat.SNIFF_LENGTH));
      int tailLength = (int) Math.min(size, TAIL_LENGTH);
      ByteBuffer tail = read(channel, size - tailLength, tailLength);
      Optional<String> problem = problem(head, tail, size);
      return needsDecoding(head, problem)
          ? confirmByDecoding(Files.readAllBytes(file), file.toString(), problem.get())
          : problem;
    }
  }

  /** Returns what is wrong with an image held in memory, or empty when it looks whole. */
  public static Optional<String> problem(byte[] content) {
    if (content.length == 0) {
      return Optional.of(EMPTY);
    }
    int headLength = Math.min(content.length, ImageFormat.SNIFF_LENGTH);
    int tailLength = Math.min(content.length, TAIL_LENGTH);
    ByteBuffer head = ByteBuffer.wrap(java.util.Arrays.copyOf(content, headLength));
    ByteBuffer tail =
        ByteBuffer.wrap(
            java.util.Arrays.copyOfRange(content, content.length - tailLength, content.length));
    Optional<String> problem = problem(head, tail, content.length);
    return needsDecoding(head, problem)
        ? confirmByDecoding(content, "image", problem.get())
        : problem;
  }

  /** Returns whether a JPEG or GIF end problem should be confirmed by a full decode. */
  private static boolean needsDecoding(ByteBuffer head, Optional<String> problem) {
    if (problem.isEmpty() || problem.get().equals(NOT_AN_IMAGE)) {
      return false;
    }
    Optional<ImageFormat> format = ImageFormat.sniff(head.array(), head.limit());
    return format.equals(Optional.of(ImageFormat.JPEG))
        || format.equals(Optional.of(ImageFormat.GIF));
  }

  private static Optional<String> confirmByDecoding(byte[] content, String name, String problem) {
    try {
      new ImageDecoder().decode(content, name);
      return Optional.empty();
    } catch (InvalidInputException | IOException e) {
      return Optional.of(problem);
    }
  }

  private static Optional<String> problem(ByteBuffer head, ByteBuffer tail, long size) {
    Optional<ImageFormat> format = ImageFormat.sniff(head.array(), head.limit());
    if (format.isEmpty()) {
      return Optional.of(NOT_AN_IMAGE);
    }
    return truncation(format.get(), head, tail, size);
  }

  private static Optional<String> truncation(
      ImageFormat format, ByteBuffer head, ByteBuffer tail, long size) {
    byte[] end = tail.array();
    int n = tail.limit();
    boolean whole =
        switch (format) {
          case PNG -> endsWith(end, n, PNG_END);
          case JPEG -> hasJpegEnd(end, n);
          case GIF -> n > 0 && (end[n - 1] & 0xff) == GIF_TRAILER;
          case BMP -> size >= declaredSize(head, BMP_SIZE_OFFSET);
          case WEBP -> size >= declaredSize(head, RIFF_SIZE_OFFSET) + RIFF_HEADER;
        };
    return whole
        ? Optional.empty()
        : Optional.of("the " + format + " image is truncated (its end is missing)");
  }

  /**
   * JPEG writers may pad after the end-of-image marker, so the marker is looked for near the end.
   */
  private static boolean hasJpegEnd(byte[] end, int n) {
    for (int i = n - 2; i >= 0; i--) {
      if ((end[i] & 0xff) == JPEG_END_FIRST && (end[i + 1] & 0xff) == JPEG_END_SECOND) {
        return true;
      }
    }
    return false;
  }

  private static long declaredSize(ByteBuffer head, int offset) {
    if (head.limit() < offset + Integer.BYTES) {
      return Long.MAX_VALUE;
    }
    return Integer.toUnsignedLong(head.order(ByteOrder.LITTLE_ENDIAN).getInt(offset));
  }

  private static boolean endsWith(byte[] end, int n, byte[] suffix) {
    if (n < suffix.length) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (end[n - suffix.length + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }

  private static ByteBuffer read(SeekableByteChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    channel.position(position);
    while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
      // keep reading until the buffer is full or the file ends
    }
    buffer.flip();
    return buffer;
  }
}
