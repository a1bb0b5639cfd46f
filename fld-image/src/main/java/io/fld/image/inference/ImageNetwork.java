package io.fld.image.inference;

import java.io.IOException;

/**
 * A feature network loaded from a model file: ONNX through ONNX Runtime ({@link OnnxNetwork}) or
 * TorchScript through DJL's PyTorch engine ({@link TorchScriptNetwork}). {@link ImageNetworks#open}
 * picks the engine from the file's content.
 */
public interface ImageNetwork extends AutoCloseable {

  /**
   * Runs the network on a batch {@code [count, 3, height, width]} and returns {@code count x
   * dimension} features, row-major.
   *
   * @throws io.fld.api.InvalidInputException if the model file does not fit its entry
   * @throws IOException if the runtime fails
   */
  float[] run(float[] batch, int count, int height, int width) throws IOException;

  /** Returns the device or execution provider that runs the model, once it is loaded. */
  String executionProvider();

  /** Releases the native session; closing twice has no effect. */
  @Override
  void close();
}
