/**
 * Images for FLD for the JVM: decoding by content, the reference preprocessing, image sample
 * sources, and the ONNX Runtime inference and model files shared by the image extractors.
 */
module io.fld.image {
  requires transitive io.fld.api;
  requires transitive java.desktop;
  requires com.twelvemonkeys.imageio.jpeg;
  requires com.twelvemonkeys.imageio.webp;

  exports io.fld.image.decode;
  exports io.fld.image.preprocess;
  exports io.fld.image.source;

  provides io.fld.api.plugin.FldPlugin with
      io.fld.image.plugin.ImagePlugin;
}
