package io.fld.core.cache;

import java.io.IOException;

/**
 * A cache file that cannot be used: truncated, corrupt, of another format version, or written for
 * another key. The cache treats it as absent and recomputes the features.
 */
public class CacheFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public CacheFormatException(String message) {
    super(message);
  }
}
