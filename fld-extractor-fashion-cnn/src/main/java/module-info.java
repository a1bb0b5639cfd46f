/** A small Fashion-MNIST CNN image extractor with a bundled model, contributed as a plugin. */
module io.fld.extractor.fashioncnn {
  requires io.fld.api;
  requires io.fld.image;

  exports io.fld.extractor.fashioncnn;

  provides io.fld.api.plugin.FldPlugin with
      io.fld.extractor.fashioncnn.FashionCnnPlugin;
}
