package io.fld.image.source;

/**
 * A file left out of a source because it cannot be read as an image.
 *
 * @param name the file's name relative to the source
 * @param reason what is wrong with it
 */
public record SkippedFile(String name, String reason) {
  @Override
  public String toString() {
    return name + ": " + reason;
  }
}
