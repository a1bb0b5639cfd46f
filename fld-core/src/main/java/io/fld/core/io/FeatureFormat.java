package io.fld.core.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The feature-file formats that {@link FeatureFiles} reads and writes, keyed by extension. */
public enum FeatureFormat {
  /** numpy's single-array format, written by {@code np.save}. */
  NPY(".npy", "a .npy array"),
  /** numpy's zip of {@code .npy} arrays, written by {@code np.savez}. */
  NPZ(".npz", "an .npz archive (a zip file)"),
  /** The safetensors format of Hugging Face, a JSON header followed by raw tensors. */
  SAFETENSORS(".safetensors", "a .safetensors file");

  private static final byte[] ZIP_LOCAL_HEADER = {'P', 'K', 3, 4};
  private static final byte[] ZIP_EMPTY_ARCHIVE = {'P', 'K', 5, 6};
  private static final byte[] GIT_LFS_POINTER =
      "version https://git-lfs".getBytes(StandardCharsets.US_ASCII);

  /** The offset of the JSON header in a safetensors file, after its 8-byte length. */
  private static final int SAFETENSORS_JSON_START = 8;

  /** The number of leading bytes {@link #detect} needs to see. */
  static final int MAGIC_BYTES = 32;

  private final String extension;
  private final String description;

  FeatureFormat(String extension, String description) {
    this.extension = extension;
    this.description = description;
  }

  /** Returns the file-name extension, with its dot, in lower case. */
  public String extension() {
    return extension;
  }

  /** Returns the format that the extension of {@code path} names, ignoring case. */
  public static Optional<FeatureFormat> fromPath(Path path) {
    Path fileName = path.getFileName();
    if (fileName == null) {
      return Optional.empty();
    }
    String name = fileName.toString().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(format -> name.endsWith(format.extension)).findFirst();
  }

  /** Returns the supported extensions, such as {@code .npy}. */
  public static List<String> extensions() {
    return Arrays.stream(values()).map(FeatureFormat::extension).toList();
  }

  /** Returns a phrase that names the format in messages. */
  String description() {
    return description;
  }

  /**
   * Returns the format that the first bytes of a file identify: the {@code \x93NUMPY} magic, a zip
   * header ({@code PK\x03\x04}), or an 8-byte length followed by a JSON object.
   */
  static Optional<FeatureFormat> detect(byte[] head) {
    if (startsWith(head, NpyFormat.MAGIC)) {
      return Optional.of(NPY);
    }
    if (startsWith(head, ZIP_LOCAL_HEADER) || startsWith(head, ZIP_EMPTY_ARCHIVE)) {
      return Optional.of(NPZ);
    }
    if (head.length > SAFETENSORS_JSON_START && head[SAFETENSORS_JSON_START] == '{') {
      return Optional.of(SAFETENSORS);
    }
    return Optional.empty();
  }

  /** Returns whether the first bytes are a Git LFS pointer in place of the real file. */
  static boolean isGitLfsPointer(byte[] head) {
    return startsWith(head, GIT_LFS_POINTER);
  }

  private static boolean startsWith(byte[] head, byte[] prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    return Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
  }
}
