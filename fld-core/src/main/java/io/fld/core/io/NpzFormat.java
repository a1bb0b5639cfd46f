package io.fld.core.io;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes numpy's {@code .npz} format: a zip archive with one {@code .npy} member per
 * array, stored or deflated, whose key is the member name without {@code .npy}. Members whose name
 * does not end in {@code .npy} are not arrays and are ignored, except in messages. Zip64 archives
 * are read and written by {@code java.util.zip}.
 */
final class NpzFormat {
  private static final String ENTRY_SUFFIX = ".npy";
  private static final int WRITE_BUFFER_BYTES = 1 << 16;

  /** The advice for every archive that cannot be read as it is. */
  private static final String RESAVE_ADVICE =
      "save the features again with np.savez or np.savez_compressed";

  private NpzFormat() {}

  /**
   * Returns the keys of the arrays in the archive, in archive order; the list is empty when the
   * archive contains no {@code .npy} member.
   */
  static List<String> keys(Path path) throws IOException {
    try (ZipFile zip = open(path)) {
      return keys(members(zip));
    }
  }

  /** Reads the array with key {@code requested}, or the only array when it is null. */
  static FeatureSet read(Path path, String requested, FeatureProvenance provenance)
      throws IOException {
    try (ZipFile zip = open(path)) {
      List<ZipEntry> members = members(zip);
      List<String> keys = keys(members);
      if (keys.isEmpty() && !members.isEmpty()) {
        throw noArrays(path, members);
      }
      if (requested != null && !keys.contains(requested) && isOtherMember(members, requested)) {
        throw notAnArray(path, requested, keys);
      }
      String key = ArrayKeys.select(path.toString(), keys, requested);
      ZipEntry entry = zip.getEntry(key + ENTRY_SUFFIX);
      String source = memberSource(path, entry.getName());
      requireSupportedMethod(source, entry.getMethod());

      try (InputStream input = zip.getInputStream(entry);
          ReadableByteChannel channel = Channels.newChannel(input)) {
        return NpyFormat.read(channel, source, provenance, entry.getSize(), "member");
      } catch (ZipException | EOFException e) {
        throw new InvalidInputException(
            source
                + " cannot be extracted from the zip archive ("
                + e.getMessage()
                + "); the archive may be truncated or damaged, "
                + RESAVE_ADVICE,
            e);
      }
    }
  }

  /** Names an archive member in messages, as in {@code feats.npz, member train.npy}. */
  private static String memberSource(Path path, String memberName) {
    return path + ", member " + memberName;
  }

  private static ZipFile open(Path path) throws IOException {
    try {
      return new ZipFile(path.toFile());
    } catch (ZipException e) {
      // ZipFile of JDK 17 rejects the whole archive when one member uses a method it cannot
      // inflate, so the central directory is read again here to name that member and its method.
      Optional<List<ZipDirectory.Member>> members = ZipDirectory.read(path);
      if (members.isPresent()) {
        for (ZipDirectory.Member member : members.get()) {
          requireSupportedMethod(memberSource(path, member.name()), member.method());
        }
      }
      throw damaged(path, e);
    }
  }

  private static InvalidInputException damaged(Path path, IOException cause) {
    return new InvalidInputException(
        path
            + " is not a readable zip archive ("
            + cause.getMessage()
            + "); it may be truncated or damaged, write it again with np.savez",
        cause);
  }

  /**
   * Rejects compression methods other than stored (0) and deflate (8), the two that numpy writes
   * and {@code java.util.zip} reads.
   */
  private static void requireSupportedMethod(String source, int method) {
    if (method == ZipEntry.STORED || method == ZipEntry.DEFLATED) {
      return;
    }
    throw new InvalidInputException(
        source
            + " uses zip compression method "
            + methodName(method)
            + ", which is not supported; only stored and deflated members can be read, as"
            + " np.savez and np.savez_compressed write them. Save the features again with"
            + " np.savez or np.savez_compressed");
  }

  /** Names a zip compression method; the numbers are those of APPNOTE.TXT section 4.4.5. */
  private static String methodName(int method) {
    return switch (method) {
      case 12 -> "12 (bzip2)";
      case 14 -> "14 (LZMA)";
      default -> Integer.toString(method);
    };
  }

  private static InvalidInputException noArrays(Path path, List<ZipEntry> members) {
    return new InvalidInputException(
        path
            + " contains no .npy arrays, only the members "
            + String.join(", ", names(members))
            + "; an .npz archive needs one member ending in .npy per array, so "
            + RESAVE_ADVICE);
  }

  private static InvalidInputException notAnArray(Path path, String requested, List<String> keys) {
    return new InvalidInputException(
        memberSource(path, requested)
            + " is not a .npy array, so it cannot be read as features; select one of the array"
            + " keys: "
            + String.join(", ", keys));
  }

  /** Returns the file members, without folders, in archive order. */
  private static List<ZipEntry> members(ZipFile zip) {
    List<ZipEntry> members = new ArrayList<>();
    for (ZipEntry entry : Collections.list(zip.entries())) {
      if (!entry.isDirectory()) {
        members.add(entry);
      }
    }
    return members;
  }

  private static List<String> keys(List<ZipEntry> members) {
    List<String> keys = new ArrayList<>();
    for (ZipEntry member : members) {
      String name = member.getName();
      if (name.endsWith(ENTRY_SUFFIX)) {
        keys.add(name.substring(0, name.length() - ENTRY_SUFFIX.length()));
      }
    }
    return keys;
  }

  private static List<String> names(List<ZipEntry> members) {
    return members.stream().map(ZipEntry::getName).toList();
  }

  /** Returns whether {@code name} is a member that is not an array, such as a text file. */
  private static boolean isOtherMember(List<ZipEntry> members, String name) {
    return !name.endsWith(ENTRY_SUFFIX)
        && members.stream().anyMatch(member -> member.getName().equals(name));
  }

  /**
   * Writes one {@code .npy} entry per array, named after its key.
   *
   * @param compressed whether to deflate the entries, as {@code np.savez_compressed} does, or to
   *     store them, as {@code np.savez} does
   */
  static void write(WritableByteChannel channel, Map<String, FeatureSet> arrays, boolean compressed)
      throws IOException {
    OutputStream output =
        new BufferedOutputStream(Channels.newOutputStream(channel), WRITE_BUFFER_BYTES);
    ZipOutputStream zip = new ZipOutputStream(output);
    WritableByteChannel zipChannel = Channels.newChannel(zip);

    for (Map.Entry<String, FeatureSet> array : arrays.entrySet()) {
      FeatureSet features = array.getValue();
      zip.putNextEntry(newEntry(array.getKey(), features, compressed));
      NpyFormat.write(zipChannel, features);
      zip.closeEntry();
    }
    // finish() rather than close(), because the caller still syncs and closes the channel.
    zip.finish();
    output.flush();
  }

  private static ZipEntry newEntry(String key, FeatureSet features, boolean compressed)
      throws IOException {
    ZipEntry entry = new ZipEntry(key + ENTRY_SUFFIX);
    if (compressed) {
      entry.setMethod(ZipEntry.DEFLATED);
      return entry;
    }
    // A stored entry needs its size and checksum before its data is written.
    long size = NpyFormat.encodedLength(features);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(size);
    entry.setCompressedSize(size);
    entry.setCrc(crcOf(features));
    return entry;
  }

  private static long crcOf(FeatureSet features) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(NpyFormat.encodeHeader(features.rows(), features.dimension()));
    FloatChunks.forEachChunk(features, crc::update);
    return crc.getValue();
  }
}
