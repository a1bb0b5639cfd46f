package io.fld.core.io;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes feature matrices as {@code .npy}, {@code .npz} and {@code .safetensors} files,
 * so that features computed in Python can be evaluated here and the other way round. The format
 * follows the file extension; a file whose content is another format is rejected with a message
 * that names the real one.
 *
 * <p>Readers accept 2-D arrays of float16, bfloat16 (safetensors), float32, float64, bool and
 * integer elements, in either byte order and, for numpy files, C or Fortran order; they convert
 * every value to float. Python objects are never unpickled. Writers produce little-endian float32
 * in C order and replace the target atomically.
 *
 * <p>Input that a user can fix (a missing file, an unknown extension, a damaged or truncated file,
 * an unsupported dtype or shape, a missing key) raises {@link InvalidInputException} with a message
 * naming the file and the remedy. Other I/O failures raise {@link IOException}.
 */
public final class FeatureFiles {

  /** The key of the array when one feature set is written to an {@code .npz} or safetensors. */
  public static final String DEFAULT_KEY = "features";

  /** The storage method of {@code .npz} entries. */
  public enum NpzCompression {
    /** Entries stored as they are, as {@code np.savez} writes them. */
    STORED,
    /** Entries deflated, as {@code np.savez_compressed} writes them. */
    DEFLATED
  }

  private FeatureFiles() {}

  /** Returns whether the extension of {@code path} is one of the supported feature formats. */
  public static boolean isFeatureFile(Path path) {
    return FeatureFormat.fromPath(path).isPresent();
  }

  /**
   * Reads the only array of a feature file.
   *
   * @throws InvalidInputException if the file is missing, invalid, or contains several arrays
   */
  public static FeatureSet read(Path path) throws IOException {
    return read(path, null);
  }

  /**
   * Reads one array of a feature file. The features' provenance source is {@code path}.
   *
   * @param key the array to read from an {@code .npz} or safetensors file that contains several, or
   *     null to read the only one; an {@code .npy} file contains one array and takes no key
   * @throws InvalidInputException if the file is missing or invalid, the key is unknown, or no key
   *     is given and the file contains several arrays; the message lists the keys
   */
  public static FeatureSet read(Path path, String key) throws IOException {
    FeatureFormat format = checkReadable(path);
    FeatureProvenance provenance = FeatureProvenance.ofSource(path.toString());

    return switch (format) {
      case NPY -> readNpy(path, key, provenance);
      case NPZ -> NpzFormat.read(path, key, provenance);
      case SAFETENSORS -> SafetensorsFormat.read(path, key, provenance);
    };
  }

  /**
   * Returns the keys of the arrays in a feature file, in file order: the entry names without {@code
   * .npy} for an {@code .npz} file, skipping members that do not end in {@code .npy}, and the
   * tensor names for a safetensors file. The list is empty for an {@code .npy} file, whose single
   * array has no key.
   */
  public static List<String> keys(Path path) throws IOException {
    FeatureFormat format = checkReadable(path);
    return switch (format) {
      case NPY -> List.of();
      case NPZ -> NpzFormat.keys(path);
      case SAFETENSORS -> SafetensorsFormat.keys(path);
    };
  }

  /**
   * Writes one feature set in the format that the extension of {@code path} names: an {@code .npy}
   * array, or an {@code .npz} (deflated) or safetensors file with the single key {@value
   * #DEFAULT_KEY}.
   */
  public static void write(Path path, FeatureSet features) throws IOException {
    Objects.requireNonNull(features, "features");
    write(path, Map.of(DEFAULT_KEY, features));
  }

  /**
   * Writes named feature sets, in map order, in the format that the extension of {@code path}
   * names; {@code .npz} entries are deflated. An {@code .npy} file takes exactly one feature set.
   */
  public static void write(Path path, Map<String, FeatureSet> arrays) throws IOException {
    FeatureFormat format = requireFormat(path);
    Map<String, FeatureSet> copy = copyOf(arrays);

    switch (format) {
      case NPY -> writeNpy(path, copy);
      case NPZ -> writeNpz(path, copy, NpzCompression.DEFLATED);
      case SAFETENSORS ->
          AtomicFiles.write(path, channel -> SafetensorsFormat.write(channel, copy));
    }
  }

  /** Writes named feature sets as {@code .npz} entries {@code KEY.npy}, in map order. */
  public static void writeNpz(Path path, Map<String, FeatureSet> arrays, NpzCompression compression)
      throws IOException {
    Objects.requireNonNull(compression, "compression");
    Map<String, FeatureSet> copy = copyOf(arrays);
    boolean deflate = compression == NpzCompression.DEFLATED;
    AtomicFiles.write(path, channel -> NpzFormat.write(channel, copy, deflate));
  }

  private static Map<String, FeatureSet> copyOf(Map<String, FeatureSet> arrays) {
    Objects.requireNonNull(arrays, "arrays");
    if (arrays.isEmpty()) {
      throw new IllegalArgumentException("at least one feature set is needed to write a file");
    }
    Map<String, FeatureSet> copy = new LinkedHashMap<>();
    arrays.forEach(
        (key, features) -> {
          ArrayKeys.requireValid(key, null);
          copy.put(key, Objects.requireNonNull(features, "features for key " + key));
        });
    return copy;
  }

  private static void writeNpy(Path path, Map<String, FeatureSet> arrays) throws IOException {
    if (arrays.size() != 1) {
      throw new IllegalArgumentException(
          path
              + ": an .npy file contains one array but "
              + arrays.size()
              + " were given; use .npz");
    }
    FeatureSet features = arrays.values().iterator().next();
    AtomicFiles.write(path, channel -> NpyFormat.write(channel, features));
  }

  private static FeatureSet readNpy(Path path, String key, FeatureProvenance provenance)
      throws IOException {
    if (key != null) {
      throw new InvalidInputException(
          path
              + " is an .npy file, which contains a single array; read it without the key '"
              + key
              + "'");
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      return NpyFormat.read(channel, path.toString(), provenance, channel.size(), "file");
    }
  }

  /**
   * Checks that {@code path} is an existing, readable, non-empty regular file, or a link to one,
   * whose content fits its extension.
   */
  private static FeatureFormat checkReadable(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    RegularFiles.require(path, extensionList());
    if (!Files.isReadable(path)) {
      throw new InvalidInputException(
          path + " cannot be read; check the file's permissions or run as its owner");
    }
    if (Files.size(path) == 0) {
      throw new InvalidInputException(path + " is empty (0 bytes); write the features again");
    }

    byte[] head = readHead(path);
    Optional<FeatureFormat> content = FeatureFormat.detect(head);
    Optional<FeatureFormat> named = FeatureFormat.fromPath(path);
    if (FeatureFormat.isGitLfsPointer(head)) {
      throw new InvalidInputException(
          path + " is a Git LFS pointer, not the feature data; fetch it with git lfs pull");
    }
    if (named.isEmpty()) {
      throw unknownExtension(path, content);
    }
    FeatureFormat format = named.get();
    boolean strongMagic = content.isPresent() && content.get() != FeatureFormat.SAFETENSORS;
    if (strongMagic && content.get() != format) {
      throw new InvalidInputException(
          path
              + " has the "
              + format.extension()
              + " extension but contains "
              + content.get().description()
              + "; rename it to end in "
              + content.get().extension());
    }
    return format;
  }

  private static FeatureFormat requireFormat(Path path) {
    Objects.requireNonNull(path, "path");
    return FeatureFormat.fromPath(path).orElseThrow(() -> unknownExtension(path, Optional.empty()));
  }

  private static InvalidInputException unknownExtension(
      Path path, Optional<FeatureFormat> content) {
    String hint =
        content
            .map(
                format ->
                    "; its content looks like "
                        + format.description()
                        + ", so rename it to end in "
                        + format.extension())
            .orElse("");
    return new InvalidInputException(
        path + " has an unknown feature file extension; supported are " + extensionList() + hint);
  }

  private static String extensionList() {
    return String.join(", ", FeatureFormat.extensions());
  }

  private static byte[] readHead(Path path) throws IOException {
    try (InputStream input = Files.newInputStream(path)) {
      return input.readNBytes(FeatureFormat.MAGIC_BYTES);
    }
  }
}
