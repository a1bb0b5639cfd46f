package io.fld.image.model;

/** An extractor provider whose model file the model folder manages. */
public interface ModelBacked {

  /** Returns the default model of the extractor. */
  ModelEntry modelEntry();
}
