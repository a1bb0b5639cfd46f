/** The Inception-v3 (FID) image extractor, contributed as a plugin. */
module io.fld.extractor.inception {
  requires io.fld.api;
  requires io.fld.image;

  exports io.fld.extractor.inception;

  provides io.fld.api.plugin.FldPlugin with
      io.fld.extractor.inception.InceptionPlugin;
}
