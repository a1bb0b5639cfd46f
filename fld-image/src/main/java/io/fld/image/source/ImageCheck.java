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
import java.util.Arrays;
import java.util.Optional;

/**
 * A check of an image file before extraction. The fast part reads only the first and last bytes and
 * the header, without decoding any pixels. It finds broken symbolic links, files that are not
 * regular files, empty files, files that are not images, files cut short (the end marker or
 * declared length missing), and images over the pixel limit. The thorough part, when requested,
 * decodes the whole image once and drops the pixels.
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
  private static final String NOT_REGULAR =
      "not a regular file (a FIFO, socket or device); remove it or replace it with an image file";

  private ImageCheck() {}

  /**
   * Returns what is wrong with {@code file}, or empty when it looks like a whole image within the
   * pixel limit of {@code decoder}.
   *
   * @param decode whether to decode the whole image as well, which finds corrupt pixel data (a bad
   *     CRC or compressed stream) that the fast check cannot see
   * @throws IOException if the file exists but cannot be read
   */
  public static Optional<String> problem(Path file, ImageDecoder decoder, boolean decode)
      throws IOException {
    if (Files.isSymbolicLink(file) && !Files.exists(file)) {
      return Optional.of(
          "a broken symbolic link: its target "
              + Files.readSymbolicLink(file)
              + " does not exist; remove the link or restore its target");
    }
    if (!Files.isRegularFile(file)) {
      return Optional.of(NOT_REGULAR);
    }
    long size = Files.size(file);
    if (size == 0) {
      return Optional.of(EMPTY);
    }
    Optional<String> problem;
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      ByteBuffer head = read(channel, 0, (int) Math.min(size, ImageFormat.SNIFF_LENGTH));
      int tailLength = (int) Math.min(size, TAIL_LENGTH);
      ByteBuffer tail = read(channel, size - tailLength, tailLength);
      problem = problem(head, tail, size);
      if (needsDecoding(head, problem)) {
        return confirmByDecoding(Files.readAllBytes(file), file.toString(), decoder, problem.get());
      }
    }
    String name = file.toString();
    if (problem.isEmpty()) {
      problem = failure(name, () -> decoder.probe(file));
    }
    if (problem.isEmpty() && decode) {
      problem = failure(name, () -> decoder.decode(file));
    }
    return problem;
  }

  /**
   * Returns what is wrong with an image held in memory, or empty when it looks whole and is within
   * the pixel limit of {@code decoder}.
   *
   * @param name the image's name in messages
   * @param decode whether to decode the whole image as well
   */
  public static Optional<String> problem(
      byte[] content, String name, ImageDecoder decoder, boolean decode) throws IOException {
    if (content.length == 0) {
      return Optional.of(EMPTY);
    }
    int headLength = Math.min(content.length, ImageFormat.SNIFF_LENGTH);
    int tailLength = Math.min(content.length, TAIL_LENGTH);
    ByteBuffer head = ByteBuffer.wrap(Arrays.copyOf(content, headLength));
    ByteBuffer tail =
        ByteBuffer.wrap(Arrays.copyOfRange(content, content.length - tailLength, content.length));
    Optional<String> problem = problem(head, tail, content.length);
    if (needsDecoding(head, problem)) {
      return confirmByDecoding(content, name, decoder, problem.get());
    }
    if (problem.isEmpty()) {
      problem = failure(name, () -> decoder.probe(content, name));
    }
    if (problem.isEmpty() && decode) {
      problem = failure(name, () -> decoder.decode(content, name));
    }
    return problem;
  }

  /** A step of the check that reports an invalid image by throwing. */
  @FunctionalInterface
  private interface Step {
    void run() throws IOException;
  }

  /**
   * Runs {@code step} and returns its {@link InvalidInputException} message, without the leading
   * file name that the decoder adds, since a {@link SkippedFile} names the file itself.
   */
  private static Optional<String> failure(String name, Step step) throws IOException {
    try {
      step.run();
      return Optional.empty();
    } catch (InvalidInputException e) {
      String message = e.getMessage();
      String prefix = name + ": ";
      return Optional.of(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }
  }

  /** Returns whether a JPEG or GIF end problem should be confirmed by a full decode. */
  private static boolean needsDecoding(ByteBuffer head, Optional<String> problem) {
    if (problem.isEmpty()) {
      return false;
    }
    Optional<ImageFormat> format = ImageFormat.sniff(head.array(), head.limit());
    return format.equals(Optional.of(ImageFormat.JPEG))
        || format.equals(Optional.of(ImageFormat.GIF));
  }

  /**
   * Decodes a JPEG or GIF whose end looks wrong: the file is valid when that succeeds, and is
   * reported with {@code problem} otherwise, or with the pixel-limit message when it is too large.
   */
  private static Optional<String> confirmByDecoding(
      byte[] content, String name, ImageDecoder decoder, String problem) throws IOException {
    Optional<String> limit = failure(name, () -> decoder.probe(content, name));
    if (limit.isPresent()) {
      return limit;
    }
    try {
      decoder.decode(content, name);
      return Optional.empty();
    } catch (InvalidInputException e) {
      return Optional.of(problem);
    }
  }

  private static Optional<String> problem(ByteBuffer head, ByteBuffer tail, long size) {
    Optional<ImageFormat> format = ImageFormat.sniff(head.array(), head.limit());
    if (format.isEmpty()) {
      return Optional.of(ImageDecoder.describeUnreadable(head.array(), head.limit()));
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
