package io.fld.audio;

import io.fld.api.InvalidInputException;
import java.util.Locale;

/**
 * The VGGish extractor's handling of a clip shorter than one example needs (15600 samples at 16
 * kHz, 0.975 s), which yields no patch and so no embedding.
 */
public enum ShortClipPolicy {
  /** Append digital silence up to one full patch, and warn. The default. */
  PAD,
  /** Reject the clip with an error. */
  REJECT;

  /** Parses {@code pad} or {@code reject}, ignoring case. */
  public static ShortClipPolicy parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "invalid value '" + value + "' for the extractor option short-clips; use pad or reject",
          e);
    }
  }

  /** Returns the lower-case name used in options and provenance. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
