package io.fld.api;

/**
 * Signals input that a caller can correct: a missing or malformed file, mismatched dimensions, too
 * few rows for a metric, an option out of range. The message names the offending file, row, column
 * or value and gives the fix. The command-line tool maps it to exit status 2.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
