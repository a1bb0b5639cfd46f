/** The CLIP ViT-B/32 image extractor, contributed as a plugin. */
module io.fld.extractor.clip {
  requires io.fld.api;
  requires io.fld.image;

  exports io.fld.extractor.clip;

  provides io.fld.api.plugin.FldPlugin with
      io.fld.extractor.clip.ClipPlugin;
}
