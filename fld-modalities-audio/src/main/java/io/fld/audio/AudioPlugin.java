package io.fld.audio;

import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.api.sample.SampleSourceProvider;
import java.util.List;

/** Contributes the {@code audio-folder} sample source and the {@code vggish} extractor. */
public final class AudioPlugin implements FldPlugin {

  @Override
  public String name() {
    return "audio";
  }

  @Override
  public List<FeatureExtractorProvider> extractors() {
    return List.of(new VggishExtractorProvider());
  }

  @Override
  public List<SampleSourceProvider> sampleSources() {
    return List.of(new AudioFolderSourceProvider());
  }
}
