/** The DINOv2 ViT-B/14 image extractor, contributed as a plugin. */
module io.fld.extractor.dinov2 {
  requires io.fld.api;
  requires io.fld.image;

  exports io.fld.extractor.dinov2;

  provides io.fld.api.plugin.FldPlugin with
      io.fld.extractor.dinov2.Dinov2Plugin;
}
