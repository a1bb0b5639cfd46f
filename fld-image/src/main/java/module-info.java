/**
 * Images for FLD for the JVM: decoding by content, the reference preprocessing, image sample
 * sources, and the network inference (ONNX Runtime, optionally DJL for TorchScript) and model files
 * shared by the image extractors.
 */
module io.fld.image {
  requires transitive io.fld.api;
  requires transitive java.desktop;
  requires com.twelvemonkeys.imageio.jpeg;
  requires com.twelvemonkeys.imageio.webp;
  requires com.microsoft.onnxruntime;
  requires static ai.djl.api;
  requires java.net.http;

  exports io.fld.image.decode;
  exports io.fld.image.preprocess;
  exports io.fld.image.source;
  exports io.fld.image.inference;
  exports io.fld.image.model;

  uses io.fld.api.plugin.FldPlugin;

  provides io.fld.api.plugin.FldPlugin with
      io.fld.image.plugin.ImagePlugin;
}
