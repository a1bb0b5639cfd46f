package io.fld.audio;

import io.fld.api.sample.AudioClip;
import io.fld.audio.decode.AudioDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the reference WAV files copied into the test resources. */
final class Resources {
  private Resources() {}

  static byte[] wavBytes(String name) {
    try (InputStream in = Resources.class.getResourceAsStream("/audio/wav/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource /audio/wav/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AudioClip clip(String name) {
    return AudioDecoder.decode(wavBytes(name), name);
  }

  static Path copyTo(Path folder, String name, String targetName) throws IOException {
    Path target = folder.resolve(targetName);
    Files.createDirectories(target.getParent());
    Files.write(target, wavBytes(name));
    return target;
  }
}
