package io.fld.extractor.dinov2;

import io.fld.api.plugin.FldPlugin;
import io.fld.image.testing.ExtractorPluginConformance;

class Dinov2PluginTest extends ExtractorPluginConformance {

  @Override
  protected FldPlugin plugin() {
    return new Dinov2Plugin();
  }

  @Override
  protected String id() {
    return "dinov2";
  }

  @Override
  protected int dimension() {
    return 768;
  }
}
