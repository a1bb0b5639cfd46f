package io.fld.core.io;

import io.fld.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a feature-file path names a regular file before anything opens it, so that a FIFO is
 * never opened (which would block until a writer appears) and a broken symbolic link is not
 * reported as a missing file.
 */
final class RegularFiles {
  /**
   * The maximum number of links followed before the chain counts as a loop. A loop is usually found
   * earlier, when a link repeats.
   */
  private static final int MAX_LINKS = 40;

  /** The file-type bits of a Unix mode and the type values that {@code stat(2)} defines. */
  private static final int TYPE_MASK = 0170000;

  private static final int TYPE_FIFO = 0010000;
  private static final int TYPE_CHARACTER_DEVICE = 0020000;
  private static final int TYPE_BLOCK_DEVICE = 0060000;
  private static final int TYPE_SOCKET = 0140000;

  private RegularFiles() {}

  /**
   * Rejects a path that does not exist, that is a symbolic link whose target cannot be reached, or
   * that is a folder, a FIFO, a device or a socket. Symbolic links to regular files pass.
   *
   * @param extensions the supported extensions, for the advice in messages
   */
  static void require(Path path, String extensions) throws IOException {
    if (!Files.exists(path)) {
      if (Files.isSymbolicLink(path)) {
        throw brokenLink(path);
      }
      throw new InvalidInputException("feature file not found: " + path);
    }
    if (Files.isDirectory(path)) {
      throw new InvalidInputException(
          path + " is a folder, not a feature file; give a file ending in " + extensions);
    }
    if (!Files.isRegularFile(path)) {
      throw new InvalidInputException(
          path
              + " is not a regular file (it is "
              + specialFileKind(path)
              + "); pass a feature file ending in "
              + extensions);
    }
  }

  /** Follows the chain of links from {@code path} to say whether it loops or where it ends. */
  private static InvalidInputException brokenLink(Path path) throws IOException {
    String prefix = path + " is a symbolic link whose target cannot be reached because ";
    String advice = "; fix the link or pass the path of the feature file itself";
    Set<Path> visited = new HashSet<>();
    List<String> chain = new ArrayList<>();
    Path current = path;

    for (int followed = 0; followed <= MAX_LINKS; followed++) {
      chain.add(current.toString());
      if (!Files.isSymbolicLink(current)) {
        return new InvalidInputException(prefix + current + " does not exist" + advice);
      }
      if (!visited.add(current.toAbsolutePath().normalize())) {
        String loop = String.join(" -> ", chain);
        return new InvalidInputException(prefix + "the links form a loop (" + loop + ")" + advice);
      }
      // A relative target counts from the folder that contains the link.
      current = current.resolveSibling(Files.readSymbolicLink(current));
    }
    return new InvalidInputException(
        prefix + "it leads through more than " + MAX_LINKS + " links" + advice);
  }

  /** Names the type of a file that exists but is neither a regular file nor a folder. */
  private static String specialFileKind(Path path) {
    int mode;
    try {
      mode = (Integer) Files.getAttribute(path, "unix:mode");
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      // Only file systems with the "unix" attribute view report the type.
      return "a special file such as a FIFO or a device";
    }
    return switch (mode & TYPE_MASK) {
      case TYPE_FIFO -> "a FIFO, also called a named pipe";
      case TYPE_CHARACTER_DEVICE -> "a character device";
      case TYPE_BLOCK_DEVICE -> "a block device";
      case TYPE_SOCKET -> "a socket";
      default -> "a special file";
    };
  }
}
