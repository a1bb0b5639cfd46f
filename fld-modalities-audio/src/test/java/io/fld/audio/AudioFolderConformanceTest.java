package io.fld.audio;

import io.fld.api.sample.SampleSourceProvider;
import io.fld.core.conformance.SampleSourceConformanceTest;
import java.io.IOException;
import java.nio.file.Path;

class AudioFolderConformanceTest extends SampleSourceConformanceTest {
  private static final String TONE = "tone440_16k_pcm16.wav";

  @Override
  protected SampleSourceProvider provider() {
    return new AudioFolderSourceProvider();
  }

  @Override
  protected Path createInput(Path folder) throws IOException {
    Path input = folder.resolve("clips");
    Resources.copyTo(input, TONE, "b.wav");
    Resources.copyTo(input, TONE, "a.wav");
    Resources.copyTo(input, TONE, "sub/c.wav");
    return input;
  }
}
