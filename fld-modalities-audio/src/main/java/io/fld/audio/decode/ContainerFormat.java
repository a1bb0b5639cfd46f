package io.fld.audio.decode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Audio file formats recognized by their leading bytes. */
public enum ContainerFormat {
  /** RIFF, RIFX or RF64 WAVE. */
  WAV("WAV"),
  /** Free Lossless Audio Codec, starting with {@code fLaC}. */
  FLAC("FLAC"),
  /** An Ogg container (Vorbis or Opus), starting with {@code OggS}. */
  OGG("Ogg"),
  /** MPEG audio, starting with an ID3 tag or an MPEG frame sync. */
  MP3("MP3"),
  /** AIFF or AIFF-C, starting with {@code FORM}. */
  AIFF("AIFF"),
  /** Anything else. */
  UNKNOWN("unknown");

  private static final int FRAME_SYNC_HIGH = 0xff;
  private static final int FRAME_SYNC_LOW_MASK = 0xe0;

  private final String displayName;

  ContainerFormat(String displayName) {
    this.displayName = displayName;
  }

  /** Returns the format's usual name, such as {@code FLAC}. */
  public String displayName() {
    return displayName;
  }

  /** Detects the format from the first bytes of a file (at least 12 are needed for WAV). */
  public static ContainerFormat detect(byte[] header) {
    String magic = ascii(header, 0, 4);
    if ((magic.equals("RIFF") || magic.equals("RIFX") || magic.equals("RF64"))
        && ascii(header, 8, 4).equals("WAVE")) {
      return WAV;
    }
    if (magic.equals("fLaC")) {
      return FLAC;
    }
    if (magic.equals("OggS")) {
      return OGG;
    }
    if (magic.equals("FORM")) {
      return AIFF;
    }
    if (ascii(header, 0, 3).equals("ID3") || isMpegFrameSync(header)) {
      return MP3;
    }
    return UNKNOWN;
  }

  /** Returns up to {@code count} bytes at {@code offset} as ISO-8859-1 text, or "" if absent. */
  static String ascii(byte[] bytes, int offset, int count) {
    if (bytes.length < offset + count) {
      return "";
    }
    return new String(
        Arrays.copyOfRange(bytes, offset, offset + count), StandardCharsets.ISO_8859_1);
  }

  private static boolean isMpegFrameSync(byte[] header) {
    return header.length >= 2
        && (header[0] & 0xff) == FRAME_SYNC_HIGH
        && (header[1] & FRAME_SYNC_LOW_MASK) == FRAME_SYNC_LOW_MASK;
  }
}
