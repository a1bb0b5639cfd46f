package io.fld.image.source;

import io.fld.api.InvalidInputException;
import io.fld.image.decode.ImageDecoder;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Options of image folder and archive sources.
 *
 * @param extensions the file extensions to read, lower case, without dots
 * @param labels whether the first-level subfolder of each file is its class label
 * @param skipInvalid whether unreadable files are skipped and listed instead of failing
 * @param contentHash whether the cache fingerprint hashes file contents instead of sizes and
 *     modification times
 * @param pixelLimit the largest number of pixels an image may have
 */
public record ImageSourceOptions(
    Set<String> extensions,
    boolean labels,
    boolean skipInvalid,
    boolean contentHash,
    long pixelLimit) {

  /** The extensions read when none are given. */
  public static final List<String> DEFAULT_EXTENSIONS =
      List.of("png", "jpg", "jpeg", "bmp", "gif", "webp");

  /** Option key: comma-separated extensions, such as {@code png,jpg}. */
  public static final String EXTENSIONS = "extensions";

  /** Option key: {@code true} to label samples by their first-level subfolder. */
  public static final String LABELS = "labels";

  /** Option key: {@code true} to skip and list unreadable files. */
  public static final String SKIP_INVALID = "skip-invalid";

  /** Option key: {@code true} to fingerprint by content hash. */
  public static final String CONTENT_HASH = "content-hash";

  /** Option key: the pixel limit per image. */
  public static final String PIXEL_LIMIT = "pixel-limit";

  private static final List<String> KEYS =
      List.of(EXTENSIONS, LABELS, SKIP_INVALID, CONTENT_HASH, PIXEL_LIMIT);

  public ImageSourceOptions {
    extensions = Set.copyOf(extensions);
    if (extensions.isEmpty()) {
      throw new InvalidInputException("extensions must name at least one file extension");
    }
  }

  /** Returns the defaults: the default extensions, no labels, fail on invalid files. */
  public static ImageSourceOptions defaults() {
    return new ImageSourceOptions(
        Set.copyOf(DEFAULT_EXTENSIONS), false, false, false, ImageDecoder.DEFAULT_PIXEL_LIMIT);
  }

  /** Returns a copy that skips invalid files when {@code skip} is true. */
  public ImageSourceOptions withSkipInvalid(boolean skip) {
    return new ImageSourceOptions(extensions, labels, skip, contentHash, pixelLimit);
  }

  /**
   * Parses provider options.
   *
   * @throws InvalidInputException if a key is unknown or a value malformed; the message lists the
   *     known keys
   */
  public static ImageSourceOptions parse(Map<String, String> options) {
    for (String key : options.keySet()) {
      if (!KEYS.contains(key)) {
        throw new InvalidInputException(
            "unknown image source option '" + key + "'; known options: " + String.join(", ", KEYS));
      }
    }
    ImageSourceOptions defaults = defaults();
    return new ImageSourceOptions(
        options.containsKey(EXTENSIONS) ? extensions(options.get(EXTENSIONS)) : defaults.extensions,
        flag(options, LABELS),
        flag(options, SKIP_INVALID),
        flag(options, CONTENT_HASH),
        options.containsKey(PIXEL_LIMIT)
            ? positiveLong(options.get(PIXEL_LIMIT))
            : defaults.pixelLimit);
  }

  /** Returns the extensions sorted, for messages. */
  public String extensionList() {
    return String.join(", ", extensions.stream().sorted().toList());
  }

  private static Set<String> extensions(String value) {
    Set<String> result = new LinkedHashSet<>();
    Arrays.stream(value.split(","))
        .map(part -> part.trim().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
        .filter(part -> !part.isEmpty())
        .forEach(result::add);
    return result;
  }

  private static boolean flag(Map<String, String> options, String key) {
    String value = options.getOrDefault(key, "false").trim().toLowerCase(Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new InvalidInputException(
          "option " + key + " must be true or false, got '" + options.get(key) + "'");
    }
    return value.equals("true");
  }

  private static long positiveLong(String value) {
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the option name
    }
    throw new InvalidInputException(
        "option " + PIXEL_LIMIT + " must be a positive whole number, got '" + value + "'");
  }
}
