package io.fld.core.io;

import io.fld.api.InvalidInputException;
import java.util.List;

/** Selects one array by key from a file that may contain several, as {@code .npz} files do. */
final class ArrayKeys {
  private ArrayKeys() {}

  /**
   * Returns the key to read: {@code requested} when the file has it, or the only key when none was
   * requested.
   *
   * @throws InvalidInputException if the file contains no array, the requested key is unknown, or
   *     no key was requested and the file contains several; the message lists the keys
   */
  static String select(String source, List<String> keys, String requested) {
    if (keys.isEmpty()) {
      throw new InvalidInputException(
          source + " contains no arrays; save at least one 2-D feature matrix in it");
    }
    if (requested == null) {
      if (keys.size() == 1) {
        return keys.get(0);
      }
      throw new InvalidInputException(
          source
              + " contains "
              + keys.size()
              + " arrays ("
              + String.join(", ", keys)
              + "); select one by its key (--key NAME on the command line)");
    }
    if (!keys.contains(requested)) {
      throw new InvalidInputException(
          source
              + " has no array with key '"
              + requested
              + "'; its keys are: "
              + String.join(", ", keys));
    }
    return requested;
  }

  /** Rejects an empty key or one that a format reserves. */
  static void requireValid(String key, String reserved) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("array keys must be non-empty");
    }
    if (key.equals(reserved)) {
      throw new IllegalArgumentException("the key '" + reserved + "' is reserved by the format");
    }
  }
}
