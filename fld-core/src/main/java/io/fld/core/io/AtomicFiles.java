package io.fld.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files atomically: the content goes to a hidden temporary file in the target's folder,
 * which is then renamed over the target, so that readers see the old file or the complete new one
 * and never a partial write.
 */
final class AtomicFiles {
  private static final int MAX_NAME_ATTEMPTS = 100;

  private AtomicFiles() {}

  /** Writes the content of one file through a channel. */
  @FunctionalInterface
  interface ContentWriter {
    void write(FileChannel channel) throws IOException;
  }

  /** Writes {@code target} through {@code writer}, creating missing parent folders. */
  static void write(Path target, ContentWriter writer) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary = createTemporary(folder, target.getFileName().toString());
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        writer.write(channel);
        channel.force(true);
      }
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
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
}
