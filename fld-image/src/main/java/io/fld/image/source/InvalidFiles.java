package io.fld.image.source;

import io.fld.api.InvalidInputException;
import java.util.List;

/** Builds the message that lists every unreadable file a pre-scan found. */
final class InvalidFiles {

  private static final int LISTED = 20;

  private InvalidFiles() {}

  /** Returns the error for invalid files found while skip-invalid is off. */
  static InvalidInputException error(String source, List<SkippedFile> invalid) {
    StringBuilder message = new StringBuilder();
    message
        .append(source)
        .append(": ")
        .append(invalid.size())
        .append(" file(s) cannot be read as images:");
    list(message, invalid);
    message.append(
        "\nRemove or repair them, or pass --skip-invalid (source option skip-invalid=true) to"
            + " leave them out.");
    return new InvalidInputException(message.toString());
  }

  /** Returns the error for a source whose files were all invalid and skipped. */
  static InvalidInputException noneLeft(String source, List<SkippedFile> invalid) {
    StringBuilder message = new StringBuilder();
    message
        .append("no readable images left in ")
        .append(source)
        .append(" after skipping ")
        .append(invalid.size())
        .append(" invalid file(s):");
    list(message, invalid);
    message.append("\nRepair or replace the files, or pass a source that contains valid images.");
    return new InvalidInputException(message.toString());
  }

  private static void list(StringBuilder message, List<SkippedFile> invalid) {
    invalid.stream().limit(LISTED).forEach(file -> message.append("\n  ").append(file));
    if (invalid.size() > LISTED) {
      message.append("\n  ... and ").append(invalid.size() - LISTED).append(" more");
    }
  }
}
