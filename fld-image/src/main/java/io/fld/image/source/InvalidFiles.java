package io.fld.image.source;

import io.fld.api.InvalidInputException;
import java.util.List;

/** Builds the message that lists every unreadable file a pre-scan found. */
final class InvalidFiles {

  private static final int LISTED = 20;

  private InvalidFiles() {}

  static InvalidInputException error(String source, List<SkippedFile> invalid) {
    StringBuilder message = new StringBuilder();
    message
        .append(source)
        .append(": ")
        .append(invalid.size())
        .append(" file(s) cannot be read as images:");
    invalid.stream().limit(LISTED).forEach(file -> message.append("\n  ").append(file));
    if (invalid.size() > LISTED) {
      message.append("\n  ... and ").append(invalid.size() - LISTED).append(" more");
    }
    message.append("\nRemove or repair them, or pass skip-invalid=true to leave them out.");
    return new InvalidInputException(message.toString());
  }
}
