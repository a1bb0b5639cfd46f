package io.fld.core.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that changes a feature matrix: the extractor, its model weights, its preprocessing and
 * the input samples, plus an optional name a user gives the entry (as the reference's {@code
 * name=}).
 *
 * @param extractorId the extractor id, such as {@code dinov2}
 * @param modelChecksum the SHA-256 of the model weights, or {@code none}
 * @param preprocessing the preprocessing spec with its version
 * @param inputFingerprint the sample source's fingerprint (file names, sizes and modification
 *     times, or content hashes)
 * @param name an optional user-given name, part of the key and of the file name
 */
public record CacheKey(
    String extractorId,
    String modelChecksum,
    String preprocessing,
    String inputFingerprint,
    Optional<String> name) {

  private static final int FILE_NAME_DIGEST_CHARS = 32;
  private static final int MAX_NAME_CHARS = 64;

  public CacheKey {
    Objects.requireNonNull(extractorId, "extractorId");
    Objects.requireNonNull(modelChecksum, "modelChecksum");
    Objects.requireNonNull(preprocessing, "preprocessing");
    Objects.requireNonNull(inputFingerprint, "inputFingerprint");
    Objects.requireNonNull(name, "name");
  }

  /** Returns the canonical text of the key, stored in each entry and compared on read. */
  public String canonical() {
    return String.join(
        "\n",
        "extractor=" + extractorId,
        "model=" + modelChecksum,
        "preprocessing=" + preprocessing,
        "input=" + inputFingerprint,
        "name=" + name.orElse(""));
  }

  /** Returns the SHA-256 of {@link #canonical()} in hex. */
  public String digest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(canonical().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /**
   * Returns the file name stem of the entry: the user's name (reduced to safe characters) when
   * given, the extractor id, and a prefix of the digest.
   */
  public String fileStem() {
    String prefix = name.map(CacheKey::safe).map(text -> text + "-").orElse("");
    return prefix + safe(extractorId) + "-" + digest().substring(0, FILE_NAME_DIGEST_CHARS);
  }

  private static String safe(String text) {
    String cleaned = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
    return cleaned.length() > MAX_NAME_CHARS ? cleaned.substring(0, MAX_NAME_CHARS) : cleaned;
  }
}
