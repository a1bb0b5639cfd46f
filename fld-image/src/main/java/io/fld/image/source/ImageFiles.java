package io.fld.image.source;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Finds the image files of a folder tree in a deterministic order. */
public final class ImageFiles {

  private static final String APPLE_DOUBLE_PREFIX = "._";
  private static final String HIDDEN_PREFIX = ".";
  private static final String NO_EXTENSION = "(none)";

  private ImageFiles() {}

  /**
   * What a scan found.
   *
   * @param root the folder scanned
   * @param files the matching files, sorted by their path relative to {@code root}
   * @param hiddenSkipped how many hidden files and folders (names starting with a dot, including
   *     macOS {@code ._} companions) were skipped
   * @param otherExtensions how many files of each other extension were found, for messages
   * @param loops symbolic links that led back into a folder already being visited, not followed
   */
  public record Scan(
      Path root,
      List<Path> files,
      int hiddenSkipped,
      Map<String, Integer> otherExtensions,
      List<Path> loops) {

    /** Returns the path of {@code file} relative to the root, with {@code /} separators. */
    public String relativeName(Path file) {
      return ImageFiles.relativeName(root, file);
    }
  }

  /**
   * Scans {@code root} recursively, following symbolic links (and detecting loops), for files whose
   * extension is one of {@code extensions}, compared case-insensitively.
   */
  public static Scan scan(Path root, Set<String> extensions) throws IOException {
    List<Path> files = new ArrayList<>();
    Map<String, Integer> others = new TreeMap<>();
    List<Path> loops = new ArrayList<>();
    int[] hidden = {0};
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            if (!dir.equals(root) && isHidden(dir)) {
              hidden[0]++;
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (isHidden(file)) {
              hidden[0]++;
            } else if (extensions.contains(extensionOf(file))) {
              files.add(file);
            } else {
              others.merge(
                  extensionOf(file).isEmpty() ? NO_EXTENSION : extensionOf(file), 1, Integer::sum);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException error) throws IOException {
            if (error instanceof FileSystemLoopException) {
              loops.add(file);
              return FileVisitResult.CONTINUE;
            }
            throw error;
          }
        });
    files.sort(Comparator.comparing(file -> relativeName(root, file)));
    return new Scan(root, List.copyOf(files), hidden[0], others, List.copyOf(loops));
  }

  /** Returns the lower-case extension of {@code file} without the dot, or an empty string. */
  public static String extensionOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  static boolean isHidden(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith(HIDDEN_PREFIX) || name.startsWith(APPLE_DOUBLE_PREFIX);
  }

  static String relativeName(Path root, Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
