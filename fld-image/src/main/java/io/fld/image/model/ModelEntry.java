package io.fld.image.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an extractor's model file comes from and what it must look like.
 *
 * @param extractorId the extractor that uses the model, such as {@code dinov2}
 * @param fileName the file name in the model folder
 * @param url the download address, pinned to an immutable revision
 * @param sha256 the published SHA-256 of the file in lower-case hex, or empty when none is
 *     published. In that case the first pull records the checksum, and later checks verify it
 * @param inputName the input tensor name, used when the file has more than one input
 * @param outputName the output tensor name, used when the file has more than one output
 * @param inputSide the side of the square input, or {@link #DYNAMIC} when the model resizes its
 *     input itself
 * @param outputDimension the length of the feature vector
 */
public record ModelEntry(
    String extractorId,
    String fileName,
    String url,
    Optional<String> sha256,
    String inputName,
    String outputName,
    int inputSide,
    int outputDimension) {

  /** An input side the model accepts at any size, because it resizes internally. */
  public static final int DYNAMIC = -1;

  public ModelEntry {
    Objects.requireNonNull(extractorId, "extractorId");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(inputName, "inputName");
    Objects.requireNonNull(outputName, "outputName");
    if (outputDimension < 1) {
      throw new IllegalArgumentException("output dimension must be positive: " + outputDimension);
    }
  }

  /** Returns whether the network resizes its input itself. */
  public boolean resizesInput() {
    return inputSide == DYNAMIC;
  }

  /** Returns a copy with another input side, for a model file that differs from the default. */
  public ModelEntry withInputSide(int side) {
    return new ModelEntry(
        extractorId, fileName, url, sha256, inputName, outputName, side, outputDimension);
  }
}
