package io.fld.audio;

import io.fld.api.InvalidInputException;
import io.fld.audio.decode.AudioDecoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An audio file that cannot be decoded, found when a folder source opens.
 *
 * @param name the file's path relative to the folder, with {@code /} separators
 * @param reason what is wrong with it
 */
public record InvalidFile(String name, String reason) {

  @Override
  public String toString() {
    return name + ": " + reason;
  }

  /**
   * Checks every file in parallel, since a large folder is bound by file opens, and returns the
   * files that fail, in the order of {@code names}.
   *
   * @param decode whether to decode each file fully. Otherwise only its header and chunk layout are
   *     read
   */
  static List<InvalidFile> check(Path folder, List<String> names, boolean decode) {
    return names.parallelStream()
        .map(name -> checkOne(folder, name, decode))
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<InvalidFile> checkOne(Path folder, String name, boolean decode) {
    Path file = folder.resolve(name);
    try {
      if (decode) {
        Objects.requireNonNull(AudioDecoder.decode(file, name));
      } else {
        AudioDecoder.checkHeader(file, name);
      }
      return Optional.empty();
    } catch (InvalidInputException e) {
      String message = e.getMessage();
      String prefix = name + ": ";
      String reason = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
      return Optional.of(new InvalidFile(name, reason));
    } catch (IOException e) {
      return Optional.of(new InvalidFile(name, "reading the file failed: " + e));
    }
  }

  /** Builds the error for files with invalid headers when {@code skip-invalid} is off. */
  static InvalidInputException headerError(Path folder, List<InvalidFile> invalid, int total) {
    return new InvalidInputException(
        folder
            + ": "
            + invalid.size()
            + " of "
            + total
            + " audio file(s) cannot be decoded:"
            + list(invalid)
            + "\nRemove or repair them, or pass the source option skip-invalid=true (--skip-invalid"
            + " in the CLI) to leave them out.");
  }

  /** Builds the error for a folder in which {@code skip-invalid} leaves no file. */
  static InvalidInputException nothingLeftError(Path folder, List<InvalidFile> invalid) {
    return new InvalidInputException(
        folder
            + ": none of the "
            + invalid.size()
            + " audio file(s) can be decoded, so skip-invalid leaves no sample to read:"
            + list(invalid)
            + "\nRepair or replace the files, or choose another folder.");
  }

  /** Builds the one warning that lists the files {@code skip-invalid} leaves out. */
  static String skipWarning(Path folder, List<InvalidFile> invalid, int total) {
    return folder
        + ": skip-invalid leaves out "
        + invalid.size()
        + " of "
        + total
        + " audio file(s) that cannot be decoded:"
        + list(invalid);
  }

  /**
   * Lists the first {@link AudioFolderSource#LISTED_FILES} files, one per line, and counts the
   * rest.
   */
  private static String list(List<InvalidFile> invalid) {
    StringBuilder text = new StringBuilder();
    invalid.stream()
        .limit(AudioFolderSource.LISTED_FILES)
        .forEach(file -> text.append("\n  ").append(file));
    if (invalid.size() > AudioFolderSource.LISTED_FILES) {
      text.append("\n  ... and ")
          .append(invalid.size() - AudioFolderSource.LISTED_FILES)
          .append(" more");
    }
    return text.toString();
  }
}
