package io.fld.extractor.clip;

import io.fld.api.plugin.FldPlugin;
import io.fld.image.testing.ExtractorPluginConformance;

class ClipPluginTest extends ExtractorPluginConformance {

  @Override
  protected FldPlugin plugin() {
    return new ClipPlugin();
  }

  @Override
  protected String id() {
    return "clip";
  }

  @Override
  protected int dimension() {
    return 512;
  }
}
