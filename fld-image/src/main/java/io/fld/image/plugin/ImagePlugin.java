package io.fld.image.plugin;

import io.fld.api.plugin.FldPlugin;
import io.fld.api.sample.SampleSourceProvider;
import io.fld.image.source.ImageFolderProvider;
import java.util.List;

/** Contributes the {@code image-folder} sample source. */
public final class ImagePlugin implements FldPlugin {

  @Override
  public String name() {
    return "images";
  }

  @Override
  public List<SampleSourceProvider> sampleSources() {
    return List.of(new ImageFolderProvider());
  }
}
