package io.fld.audio;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.AudioClip;
import io.fld.api.sample.SampleSource;
import io.fld.api.sample.SampleSourceProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens folders of audio files as {@link AudioFolderSource}s. Its one option, {@code extensions},
 * is a comma-separated list such as {@code wav,wave}; it defaults to {@code wav}.
 */
public final class AudioFolderSourceProvider implements SampleSourceProvider {
  /** The provider name. */
  public static final String NAME = "audio-folder";

  /** The option that lists the file extensions to read. */
  public static final String EXTENSIONS_OPTION = "extensions";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a folder of WAV files, searched recursively, decoded to mono";
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

  @Override
  public SampleSource<?> open(Path path, Map<String, String> options) throws IOException {
    for (String key : options.keySet()) {
      if (!key.equals(EXTENSIONS_OPTION)) {
        throw new InvalidInputException(
            "unknown option '"
                + key
                + "' for sample source "
                + NAME
                + "; the known option is '"
                + EXTENSIONS_OPTION
                + "'");
      }
    }
    String extensions = options.get(EXTENSIONS_OPTION);
    Set<String> chosen =
        extensions == null
            ? AudioFolderSource.DEFAULT_EXTENSIONS
            : Arrays.stream(extensions.split(","))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .collect(Collectors.toSet());
    return AudioFolderSource.open(path, chosen);
  }

  private static boolean isVisibleWav(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".")
        && AudioFolderSource.DEFAULT_EXTENSIONS.contains(AudioFolderSource.extension(name))
        && Files.isRegularFile(file);
  }
}
