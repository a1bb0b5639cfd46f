package io.fld.audio;

import io.fld.api.sample.AudioClip;
import io.fld.api.sample.SampleSource;
import io.fld.api.sample.SampleSourceProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Opens folders of audio files as {@link AudioFolderSource}s. The options are {@code extensions}, a
 * comma-separated list such as {@code wav,wave} that defaults to {@code wav}, and the flags {@code
 * skip-invalid} and {@code content-hash} (see {@link AudioFolderOptions}).
 */
public final class AudioFolderSourceProvider implements SampleSourceProvider {
  /** The provider name. */
  public static final String NAME = "audio-folder";

  /** The option that lists the file extensions to read. */
  public static final String EXTENSIONS_OPTION = AudioFolderOptions.EXTENSIONS;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a folder of WAV files, searched recursively, decoded to mono; options: extensions"
        + " (default wav), skip-invalid=true to leave out unreadable files (each is decoded once"
        + " up front), content-hash=true to key the cache by file contents";
  }

  @Override
  public Class<?> sampleType() {
    return AudioClip.class;
  }

  /** Accepts a folder that contains at least one visible {@code .wav} file at any depth. */
  @Override
  public boolean accepts(Path path) {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files.anyMatch(AudioFolderSourceProvider::isVisibleWav);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * Opens a folder with the options of {@link AudioFolderOptions}: {@code extensions}, {@code
   * skip-invalid} and {@code content-hash}.
   *
   * @throws InvalidInputException if an option is unknown or malformed, or as {@link
   *     AudioFolderSource#open(Path, AudioFolderOptions)} describes
   */
  @Override
  public SampleSource<?> open(Path path, Map<String, String> options) throws IOException {
    return AudioFolderSource.open(path, AudioFolderOptions.parse(options));
  }

  private static boolean isVisibleWav(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".")
        && AudioFolderSource.DEFAULT_EXTENSIONS.contains(AudioFolderSource.extension(name))
        && Files.isRegularFile(file);
  }
}
