package io.fld.audio;

import io.fld.api.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options of the {@code audio-folder} sample source.
 *
 * @param extensions the file extensions to read, lower case, without dots
 * @param skipInvalid whether files that cannot be decoded are left out and listed in one warning
 *     instead of failing
 * @param contentHash whether the cache fingerprint hashes file contents instead of sizes and
 *     modification times
 */
public record AudioFolderOptions(Set<String> extensions, boolean skipInvalid, boolean contentHash) {

  /** Option key: comma-separated extensions, such as {@code wav,wave}. */
  public static final String EXTENSIONS = "extensions";

  /** Option key: {@code true} to leave out and list files that cannot be decoded. */
  public static final String SKIP_INVALID = "skip-invalid";

  /** Option key: {@code true} to fingerprint by the SHA-256 of each file's content. */
  public static final String CONTENT_HASH = "content-hash";

  /** The option keys, in the order messages list them. */
  public static final List<String> KEYS = List.of(EXTENSIONS, SKIP_INVALID, CONTENT_HASH);

  /**
   * Normalizes the extensions to lower case without a leading dot.
   *
   * @throws InvalidInputException if no extension is given
   */
  public AudioFolderOptions {
    Set<String> lower = new TreeSet<>();
    for (String extension : extensions) {
      String trimmed = extension.strip().toLowerCase(Locale.ROOT);
      String bare = trimmed.startsWith(".") ? trimmed.substring(1) : trimmed;
      if (!bare.isEmpty()) {
        lower.add(bare);
      }
    }
    if (lower.isEmpty()) {
      throw new InvalidInputException("no audio file extensions given; use for example 'wav'");
    }
    extensions = Set.copyOf(lower);
  }

  /** Returns the defaults: {@code wav} files, failing on invalid files, fingerprint by stat. */
  public static AudioFolderOptions defaults() {
    return new AudioFolderOptions(AudioFolderSource.DEFAULT_EXTENSIONS, false, false);
  }

  /**
   * Parses source options.
   *
   * @throws InvalidInputException if a key is unknown or a flag is not {@code true} or {@code
   *     false}. The message lists the known keys.
   */
  public static AudioFolderOptions parse(Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!KEYS.contains(key)) {
        throw new InvalidInputException(
            "unknown option '"
                + key
                + "' for sample source "
                + AudioFolderSourceProvider.NAME
                + "; known options: "
                + String.join(", ", KEYS));
      }
    }
    String extensions = options.get(EXTENSIONS);
    return new AudioFolderOptions(
        extensions == null
            ? AudioFolderSource.DEFAULT_EXTENSIONS
            : Set.copyOf(Arrays.asList(extensions.split(","))),
        flag(options, SKIP_INVALID),
        flag(options, CONTENT_HASH));
  }

  /** Returns the extensions sorted and comma-separated, for messages. */
  public String extensionList() {
    return String.join(", ", new TreeSet<>(extensions));
  }

  private static boolean flag(Map<String, String> options, String key) {
    String value = options.getOrDefault(key, "false").strip().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new InvalidInputException(
          "option " + key + " must be true or false, got '" + options.get(key) + "'");
    }
    return value.equals("true");
  }
}
