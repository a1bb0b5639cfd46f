package io.fld.image.inference;

import io.fld.image.model.ModelEntry;
import io.fld.image.preprocess.ImageTransform;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything that defines an image extractor: its id, a description, the default model and the
 * preprocessing for a model.
 *
 * @param id the extractor id, such as {@code dinov2}
 * @param description a one-line description of the network and its output
 * @param model the default model file and its expected names and shapes
 * @param fixedSide the input side the preprocessing produces when the network does not resize
 * @param transforms the preprocessing for a model entry; it may depend on whether the network
 *     resizes its input
 */
public record ImageExtractorSpec(
    String id,
    String description,
    ModelEntry model,
    int fixedSide,
    Function<ModelEntry, ImageTransform> transforms) {

  public ImageExtractorSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(transforms, "transforms");
  }

  /** Returns the length of each feature vector. */
  public int dimension() {
    return model.outputDimension();
  }
}
