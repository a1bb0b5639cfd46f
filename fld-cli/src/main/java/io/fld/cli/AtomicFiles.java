package io.fld.cli;

import io.fld.api.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the result files of the commands. A regular file is replaced atomically, so that a reader
 * sees the old or the new content and never a partial file. A symbolic link is followed and its
 * real file replaced. An existing device or pipe, such as {@code /dev/stdout}, is written through.
 */
final class AtomicFiles {
  private static final int MAX_NAME_ATTEMPTS = 100;

  private AtomicFiles() {}

  /**
   * Checks before any work that {@code target}, given as {@code option}, can be written: it is not
   * a folder, a symbolic link leads to an existing file, and the file or its nearest existing
   * folder is writable. Missing parent folders are created when the file is written.
   *
   * @throws InvalidInputException naming the option and the path and saying what to do
   */
  /**
   * Checks that {@code target} is not one of the input files, which writing it would replace.
   *
   * @throws InvalidInputException naming the option and the input it would overwrite
   */
  static void requireNotInput(String option, Path target, List<InputSpec> inputs) {
    if (!Files.exists(target)) {
      return;
    }
    for (InputSpec input : inputs) {
      try {
        if (Files.isSameFile(target, input.path())) {
          throw new InvalidInputException(
              option
                  + " "
                  + target
                  + " is the --"
                  + input.role().label()
                  + " input, which writing would replace; choose another file to write");
        }
      } catch (IOException e) {
        // A path that cannot be compared is taken as another file; reading it reports its error.
      }
    }
  }

  static void check(String option, Path target) {
    String label = option + " " + target;
    Path resolved = resolve(label, target);
    if (Files.isDirectory(resolved)) {
      throw new InvalidInputException(label + " is a folder; give the path of a file to write");
    }
    if (Files.exists(resolved) && !Files.isRegularFile(resolved)) {
      requireWritable(label, resolved);
      return;
    }
    Path folder = nearestExisting(resolved.getParent());
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(
          label + " cannot be created: " + folder + " is a file, not a folder");
    }
    requireWritable(label, folder);
    probe(label, folder, resolved.getFileName().toString());
  }

  /**
   * Creates and deletes a temporary file in {@code folder}, because a writable mode does not prove
   * that files can be created there, as in {@code /proc} or on a read-only file system.
   */
  private static void probe(String label, Path folder, String targetName) {
    try {
      Files.delete(createTemporary(folder, targetName));
    } catch (IOException e) {
      String reason = e instanceof FileSystemException system ? system.getReason() : null;
      throw new InvalidInputException(
          label
              + " cannot be created: creating a file in "
              + folder
              + " failed"
              + (reason == null ? "" : " (" + reason + ")")
              + "; give a path in a folder you can write to");
    }
  }

  /** Writes {@code text} to {@code target} as UTF-8, creating missing parent folders. */
  static void write(Path target, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path resolved = resolve(target.toString(), target);
    if (Files.exists(resolved) && !Files.isRegularFile(resolved)) {
      writeThrough(resolved, bytes);
      return;
    }
    Path folder = resolved.getParent();
    Files.createDirectories(folder);
    Path temporary = createTemporary(folder, resolved.getFileName().toString());
    try {
      copyPermissions(resolved, temporary);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(bytes));
        channel.force(true);
      }
      move(temporary, resolved);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Writes to a device or pipe directly, saying which file failed when the write fails. */
  private static void writeThrough(Path target, byte[] bytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
      out.write(bytes);
    } catch (FileSystemException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the absolute path of {@code target} with symbolic links resolved when it exists, so
   * that writing replaces the file a link leads to instead of the link.
   */
  static Path resolve(String label, Path target) {
    Path absolute = target.toAbsolutePath();
    if (!Files.isSymbolicLink(absolute)) {
      return absolute;
    }
    try {
      return absolute.toRealPath();
    } catch (IOException e) {
      throw new InvalidInputException(
          label + " is a symbolic link to a missing file; remove the link or create its target");
    }
  }

  private static void requireWritable(String label, Path path) {
    if (!Files.isWritable(path)) {
      throw new InvalidInputException("permission denied: cannot write " + path + " for " + label);
    }
  }

  private static Path nearestExisting(Path folder) {
    Path current = folder;
    while (current != null && !Files.exists(current)) {
      current = current.getParent();
    }
    return current == null ? folder.getRoot() : current;
  }

  /**
   * Creates an empty temporary file with the default permissions of new files, unlike {@link
   * Files#createTempFile}, which makes it readable by the owner only.
   */
  private static Path createTemporary(Path folder, String targetName) throws IOException {
    for (int attempt = 0; ; attempt++) {
      long suffix = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
      Path candidate = folder.resolve("." + targetName + "." + suffix + ".tmp");
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException e) {
        if (attempt >= MAX_NAME_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Gives the new file the permissions of the file it replaces, when there is one. */
  private static void copyPermissions(Path existing, Path replacement) throws IOException {
    if (!Files.isRegularFile(existing)) {
      return;
    }
    PosixFileAttributeView view =
        Files.getFileAttributeView(existing, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    Files.setPosixFilePermissions(replacement, permissions);
  }

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
