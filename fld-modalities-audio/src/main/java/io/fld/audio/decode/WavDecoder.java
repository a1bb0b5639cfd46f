package io.fld.audio.decode;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.AudioClip;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes WAVE files to mono.
 *
 * <p>Reads RIFF (little-endian), RIFX (big-endian) and RF64 files with PCM samples of 8 (unsigned),
 * 16, 24 or 32 bits, IEEE float samples of 32 or 64 bits, and WAVE_FORMAT_EXTENSIBLE with a PCM or
 * float subformat. Integer samples are scaled by the full range of their container: {@code x /
 * 32768} for 16 bits, {@code x / 8388608} for 24, {@code x / 2147483648} for 32, and {@code (x -
 * 128) / 128} for unsigned 8 bits. Any number of channels is accepted and averaged to mono with
 * equal weights. Chunks other than {@code fmt }, {@code data} and {@code ds64} are skipped, and
 * odd-sized chunks are followed by their pad byte.
 */
public final class WavDecoder {
  private static final int RIFF_HEADER_BYTES = 12;
  private static final int CHUNK_HEADER_BYTES = 8;
  private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

  /** The last 14 bytes of every standard KSDATAFORMAT_SUBTYPE GUID, as stored in the file. */
  private static final byte[] SUBFORMAT_GUID_SUFFIX = {
    0x00,
    0x00,
    0x00,
    0x00,
    0x10,
    0x00,
    (byte) 0x80,
    0x00,
    0x00,
    (byte) 0xAA,
    0x00,
    0x38,
    (byte) 0x9B,
    0x71
  };

  private WavDecoder() {}

  /**
   * Decodes a WAVE file held in memory or mapped from disk.
   *
   * @param bytes the whole file, from position 0 to its limit; its byte order is changed
   * @param name the file name for messages
   * @throws InvalidInputException if the file is not a supported WAVE file, is truncated, contains
   *     no samples, or contains a NaN or infinite float sample
   */
  public static AudioClip decode(ByteBuffer bytes, String name) {
    WavLayout layout = layout(bytes, name);
    return new AudioClip(readSamples(bytes, layout, name), layout.format().sampleRate());
  }

  /**
   * Checks the header, the chunk layout and the frame count of a WAVE file without reading its
   * samples.
   *
   * @throws InvalidInputException with the message {@link #decode} would raise for the same file,
   *     except for NaN or infinite samples, which only decoding finds
   */
  public static void checkLayout(ByteBuffer bytes, String name) {
    frameCount(layout(bytes, name), name);
  }

  private static WavLayout layout(ByteBuffer buffer, String name) {
    byte[] header = new byte[Math.min(RIFF_HEADER_BYTES, buffer.limit())];
    buffer.get(0, header);
    String magic = ContainerFormat.ascii(header, 0, 4);
    if (header.length < RIFF_HEADER_BYTES || !ContainerFormat.ascii(header, 8, 4).equals("WAVE")) {
      throw new InvalidInputException(name + ": not a WAVE file; convert it to WAV");
    }
    buffer.order(magic.equals("RIFX") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    return readChunks(buffer, name, magic.equals("RF64"));
  }

  private static WavLayout readChunks(ByteBuffer buffer, String name, boolean rf64) {
    WavFormat format = null;
    long dataOffset = -1;
    long dataSize = -1;
    long rf64DataSize = -1;
    long position = RIFF_HEADER_BYTES;

    while (position + CHUNK_HEADER_BYTES <= buffer.limit()) {
      String id = chunkId(buffer, (int) position);
      long size = Integer.toUnsignedLong(buffer.getInt((int) position + 4));
      long body = position + CHUNK_HEADER_BYTES;

      if (id.equals("data")) {
        dataOffset = body;
        dataSize = dataChunkSize(size, rf64DataSize, body, buffer.limit(), name);
        if (format != null) {
          break;
        }
      } else {
        requireChunkInside(id, size, body, buffer.limit(), name);
        if (id.equals("fmt ")) {
          format = WavFormat.read(buffer, (int) body, (int) size, name);
        } else if (id.equals("ds64") && rf64) {
          rf64DataSize = buffer.getLong((int) body + 8);
        }
      }
      position = body + dataSize(id, size, dataSize) + (size & 1);
    }

    if (format == null) {
      throw new InvalidInputException(
          name + ": WAVE file has no 'fmt ' chunk; the file is damaged or truncated");
    }
    if (dataOffset < 0) {
      throw new InvalidInputException(
          name + ": WAVE file has no 'data' chunk; the file is damaged or truncated");
    }
    return new WavLayout(format, dataOffset, dataSize);
  }

  private static long dataSize(String id, long declared, long resolvedDataSize) {
    return id.equals("data") ? resolvedDataSize : declared;
  }

  /**
   * Returns the byte count of the data chunk. A size of 0xFFFFFFFF, as streaming writers leave it,
   * means "to the end of the file"; in RF64 files it defers to the ds64 chunk.
   */
  private static long dataChunkSize(
      long declared, long rf64DataSize, long body, long fileLength, String name) {
    long available = fileLength - body;
    if (declared == UNKNOWN_SIZE) {
      if (rf64DataSize >= 0 && rf64DataSize <= available) {
        return rf64DataSize;
      }
      return available;
    }
    if (declared > available) {
      throw new InvalidInputException(
          name
              + ": WAVE 'data' chunk declares "
              + declared
              + " bytes but only "
              + available
              + " follow; the file is truncated, re-export or re-download it");
    }
    return declared;
  }

  private static void requireChunkInside(String id, long size, long body, long limit, String name) {
    if (body + size > limit) {
      throw new InvalidInputException(
          name
              + ": WAVE chunk '"
              + id
              + "' declares "
              + size
              + " bytes but the file ends "
              + (limit - body)
              + " bytes after its header; the file is truncated, re-export or re-download it");
    }
  }

  private static int frameCount(WavLayout layout, String name) {
    long frames = layout.dataSize() / layout.format().blockAlign();
    if (frames == 0) {
      throw new InvalidInputException(
          name + ": WAVE file contains no audio samples; remove it or replace it with a real clip");
    }
    if (frames > Integer.MAX_VALUE) {
      throw new InvalidInputException(
          name + ": " + frames + " frames exceed the 2^31 - 1 samples one clip can hold; split it");
    }
    return (int) frames;
  }

  private static float[] readSamples(ByteBuffer buffer, WavLayout layout, String name) {
    WavFormat format = layout.format();
    int frames = frameCount(layout, name);

    SampleReader reader = SampleReader.of(format, buffer);
    int channels = format.channels();
    float[] mono = new float[frames];
    int position = (int) layout.dataOffset();
    for (int frame = 0; frame < mono.length; frame++) {
      double sum = 0;
      for (int channel = 0; channel < channels; channel++) {
        double value = reader.read(position);
        if (!Double.isFinite(value)) {
          throw new InvalidInputException(
              name
                  + ": sample "
                  + frame
                  + " of channel "
                  + channel
                  + " is "
                  + value
                  + "; a WAVE file must contain finite samples, repair or remove the file");
        }
        sum += value;
        position += format.bytesPerSample();
      }
      mono[frame] = (float) (sum / channels);
      position += format.blockAlign() - channels * format.bytesPerSample();
    }
    return mono;
  }

  private static String chunkId(ByteBuffer buffer, int offset) {
    byte[] id = new byte[4];
    buffer.get(offset, id);
    return new String(id, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /** Checks the fixed suffix of an extensible subformat GUID. */
  static boolean isStandardSubformat(ByteBuffer buffer, int guidOffset) {
    for (int i = 0; i < SUBFORMAT_GUID_SUFFIX.length; i++) {
      if (buffer.get(guidOffset + 2 + i) != SUBFORMAT_GUID_SUFFIX[i]) {
        return false;
      }
    }
    return true;
  }

  private record WavLayout(WavFormat format, long dataOffset, long dataSize) {}
}
