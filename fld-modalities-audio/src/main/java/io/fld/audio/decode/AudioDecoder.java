package io.fld.audio.decode;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.AudioClip;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Set;

/**
 * Decodes audio files to mono clips, choosing the decoder by the file's leading bytes rather than
 * its extension.
 *
 * <p>Only WAV is decoded. FLAC, Ogg, MP3 and AIFF files are recognized and rejected with a message
 * that names the format and explains how to convert the file, because no maintained pure-Java
 * decoder for them with a module descriptor is on Maven Central.
 */
public final class AudioDecoder {
  private static final int HEADER_BYTES = 12;
  private static final int HEX_PREVIEW_BYTES = 8;

  /** The largest file read whole into one array: the JVM's array limit less a safety margin. */
  private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

  /** The formats this decoder reads. */
  public static final Set<ContainerFormat> SUPPORTED = Set.of(ContainerFormat.WAV);

  private AudioDecoder() {}

  /**
   * Reads and decodes {@code file}.
   *
   * <p>The file is memory-mapped rather than copied onto the heap, so a long clip costs only its
   * decoded samples there.
   *
   * @param file the audio file
   * @param name the name used in messages, such as the path relative to the folder being read
   * @throws InvalidInputException if the file is empty, not WAV, damaged or truncated
   * @throws IOException if the file cannot be read
   */
  public static AudioClip decode(Path file, String name) throws IOException {
    ByteBuffer bytes = map(file, name);
    requireWav(bytes, name);
    return WavDecoder.decode(bytes, name);
  }

  /**
   * Checks that {@code file} is a WAVE file whose header and chunk layout can be decoded, without
   * reading its samples. Only the chunk headers and the {@code fmt } chunk are read, so the check
   * is cheap even for long files. Sample values (NaN or infinite floats) are checked only by {@link
   * #decode(Path, String)}.
   *
   * @param file the audio file
   * @param name the name used in messages
   * @throws InvalidInputException with the same message {@link #decode(Path, String)} would raise
   *     for a bad header, an unsupported format or a truncated file
   * @throws IOException if the file cannot be read
   */
  public static void checkHeader(Path file, String name) throws IOException {
    ByteBuffer bytes = map(file, name);
    requireWav(bytes, name);
    WavDecoder.checkLayout(bytes, name);
  }

  /** Decodes a whole file held in memory; {@code name} identifies it in messages. */
  public static AudioClip decode(byte[] bytes, String name) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    requireWav(buffer, name);
    return WavDecoder.decode(buffer, name);
  }

  private static ByteBuffer map(Path file, String name) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new InvalidInputException(
          name
              + ": the file has "
              + size
              + " bytes, more than the "
              + MAX_FILE_BYTES
              + " one clip may have; split it into shorter clips");
    }
    if (size == 0) {
      throw emptyFile(name);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      // The mapping stays valid after the channel closes.
      return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
    }
  }

  /** Raises the error for an empty, unknown or unsupported file, and returns for a WAVE file. */
  private static void requireWav(ByteBuffer bytes, String name) {
    if (bytes.limit() == 0) {
      throw emptyFile(name);
    }
    byte[] header = new byte[Math.min(HEADER_BYTES, bytes.limit())];
    bytes.get(0, header);
    ContainerFormat format = ContainerFormat.detect(header);
    if (format == ContainerFormat.UNKNOWN) {
      throw unknownFormat(header, name);
    }
    if (format != ContainerFormat.WAV) {
      throw unsupportedFormat(format, name);
    }
  }

  private static InvalidInputException emptyFile(String name) {
    return new InvalidInputException(
        name + ": the file is empty (0 bytes); remove it or replace it with a real recording");
  }

  private static InvalidInputException unsupportedFormat(ContainerFormat format, String name) {
    return new InvalidInputException(
        name
            + ": the file is "
            + format.displayName()
            + " audio, which is not decoded here; convert it to WAV first, for example with"
            + " 'ffmpeg -i IN -ac 1 -c:a pcm_s16le OUT.wav' or 'sox IN OUT.wav'");
  }

  private static InvalidInputException unknownFormat(byte[] bytes, String name) {
    int previewLength = Math.min(HEX_PREVIEW_BYTES, bytes.length);
    String preview = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, previewLength);
    String reason =
        bytes.length < HEADER_BYTES
            ? "it is too short (" + bytes.length + " bytes) to be an audio file"
            : "its leading bytes (" + preview + ") match no known audio format";
    return new InvalidInputException(
        name
            + ": unknown audio format, "
            + reason
            + "; the file may be damaged or not audio. Supply WAV files (RIFF/RIFX/RF64 WAVE)");
  }
}
