package io.fld.audio.decode;

import io.fld.api.InvalidInputException;
import java.nio.ByteBuffer;

/**
 * The contents of a WAVE {@code fmt } chunk that decoding needs.
 *
 * @param encoding integer PCM or IEEE float
 * @param channels the number of interleaved channels
 * @param sampleRate frames per second
 * @param blockAlign bytes per frame, all channels together
 * @param bytesPerSample bytes of one channel's sample
 */
record WavFormat(
    WavFormat.Encoding encoding, int channels, int sampleRate, int blockAlign, int bytesPerSample) {

  /** The sample encoding. */
  enum Encoding {
    PCM,
    IEEE_FLOAT
  }

  private static final int FORMAT_PCM = 0x0001;
  private static final int FORMAT_IEEE_FLOAT = 0x0003;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  private static final int MIN_FMT_BYTES = 16;
  private static final int EXTENSIBLE_FMT_BYTES = 40;
  private static final int SUBFORMAT_GUID_OFFSET = 24;

  /** Parses a {@code fmt } chunk body of {@code size} bytes at {@code offset}. */
  static WavFormat read(ByteBuffer buffer, int offset, int size, String name) {
    if (size < MIN_FMT_BYTES) {
      throw new InvalidInputException(
          name + ": WAVE 'fmt ' chunk has " + size + " bytes, fewer than the 16 it needs");
    }
    int tag = Short.toUnsignedInt(buffer.getShort(offset));
    int channels = Short.toUnsignedInt(buffer.getShort(offset + 2));
    long sampleRate = Integer.toUnsignedLong(buffer.getInt(offset + 4));
    int blockAlign = Short.toUnsignedInt(buffer.getShort(offset + 12));
    int bitsPerSample = Short.toUnsignedInt(buffer.getShort(offset + 14));

    if (tag == FORMAT_EXTENSIBLE) {
      tag = subformatTag(buffer, offset, size, name);
    }
    Encoding encoding = encoding(tag, name);
    requireLayout(channels, sampleRate, blockAlign, bitsPerSample, name);
    int bytesPerSample = (bitsPerSample + 7) / 8;
    requireSampleSize(encoding, bytesPerSample * 8, bitsPerSample, name);
    return new WavFormat(encoding, channels, (int) sampleRate, blockAlign, bytesPerSample);
  }

  private static int subformatTag(ByteBuffer buffer, int offset, int size, String name) {
    if (size < EXTENSIBLE_FMT_BYTES) {
      throw new InvalidInputException(
          name
              + ": WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk has "
              + size
              + " bytes, fewer than the 40 it needs; the file is damaged");
    }
    int guidOffset = offset + SUBFORMAT_GUID_OFFSET;
    if (!WavDecoder.isStandardSubformat(buffer, guidOffset)) {
      throw new InvalidInputException(
          name
              + ": WAVE_FORMAT_EXTENSIBLE with a non-standard subformat GUID is not supported;"
              + " convert the file to PCM or float WAV (for example with ffmpeg or sox)");
    }
    return Short.toUnsignedInt(buffer.getShort(guidOffset));
  }

  private static Encoding encoding(int tag, String name) {
    if (tag == FORMAT_PCM) {
      return Encoding.PCM;
    }
    if (tag == FORMAT_IEEE_FLOAT) {
      return Encoding.IEEE_FLOAT;
    }
    throw new InvalidInputException(
        String.format(
            "%s: WAVE format tag 0x%04X is not supported (only PCM 0x0001 and IEEE float 0x0003,"
                + " also inside WAVE_FORMAT_EXTENSIBLE); convert the file to PCM WAV, for example"
                + " with 'ffmpeg -i IN -c:a pcm_s16le OUT.wav'",
            name, tag));
  }

  private static void requireLayout(
      int channels, long sampleRate, int blockAlign, int bitsPerSample, String name) {
    if (channels < 1 || sampleRate < 1 || sampleRate > Integer.MAX_VALUE || bitsPerSample < 1) {
      throw new InvalidInputException(
          name
              + ": WAVE header is invalid: "
              + channels
              + " channels, "
              + sampleRate
              + " Hz, "
              + bitsPerSample
              + " bits per sample; the file is damaged");
    }
    int bytesPerSample = (bitsPerSample + 7) / 8;
    if (blockAlign < channels * bytesPerSample) {
      throw new InvalidInputException(
          name
              + ": WAVE block size "
              + blockAlign
              + " is smaller than "
              + channels
              + " channels x "
              + bytesPerSample
              + " bytes; the file is damaged");
    }
  }

  private static void requireSampleSize(
      Encoding encoding, int containerBits, int bitsPerSample, String name) {
    boolean supported =
        encoding == Encoding.PCM
            ? containerBits == 8
                || containerBits == 16
                || containerBits == 24
                || containerBits == 32
            : bitsPerSample == 32 || bitsPerSample == 64;
    if (!supported) {
      throw new InvalidInputException(
          name
              + ": "
              + bitsPerSample
              + "-bit "
              + (encoding == Encoding.PCM ? "PCM" : "float")
              + " WAVE samples are not supported (PCM 8/16/24/32, float 32/64); convert the file,"
              + " for example with 'ffmpeg -i IN -c:a pcm_s16le OUT.wav'");
    }
  }
}
