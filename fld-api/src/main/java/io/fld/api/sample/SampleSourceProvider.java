package io.fld.api.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens sample sources of one kind from paths, such as folders of images or of audio files.
 * Providers are contributed by plugins and looked up by {@link #name()}.
 */
public interface SampleSourceProvider {

  /** Returns the provider name, such as {@code image-folder}. */
  String name();

  /** Returns a one-line description for listings. */
  String description();

  /** Returns the sample type of the sources this provider opens. */
  Class<?> sampleType();

  /** Returns whether {@code path} looks like a source of this kind, without reading it whole. */
  boolean accepts(Path path);

  /**
   * Opens {@code path} as a source.
   *
   * @param options provider-specific options, such as {@code extensions=png,jpg}
   * @throws io.fld.api.InvalidInputException if the path is missing, empty or not of this kind
   */
  SampleSource<?> open(Path path, Map<String, String> options) throws IOException;
}
