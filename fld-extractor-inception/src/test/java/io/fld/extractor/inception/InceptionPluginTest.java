package io.fld.extractor.inception;

import io.fld.api.plugin.FldPlugin;
import io.fld.image.testing.ExtractorPluginConformance;

class InceptionPluginTest extends ExtractorPluginConformance {

  @Override
  protected FldPlugin plugin() {
    return new InceptionPlugin();
  }

  @Override
  protected String id() {
    return "inception";
  }

  @Override
  protected int dimension() {
    return 2048;
  }
}
