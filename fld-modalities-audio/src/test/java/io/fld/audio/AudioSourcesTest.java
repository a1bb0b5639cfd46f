package io.fld.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.AudioClip;
import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioSourcesTest {
  private static final String TONE = "tone440_16k_pcm16.wav";

  @Test
  void folderIsReadRecursivelyInCodePointOrder(@TempDir Path folder) throws IOException {
    Resources.copyTo(folder, TONE, "b.wav");
    Resources.copyTo(folder, TONE, "B.WAV");
    Resources.copyTo(folder, TONE, "a/z.wav");
    Resources.copyTo(folder, TONE, "a.wav");
    Resources.copyTo(folder, TONE, "\uFF21.wav");
    Resources.copyTo(folder, TONE, "\uD83C\uDFB5.wav");

    AudioFolderSource source = AudioFolderSource.open(folder, AudioFolderSource.DEFAULT_EXTENSIONS);
    assertEquals(
        List.of("B.WAV", "a.wav", "a/z.wav", "b.wav", "\uFF21.wav", "\uD83C\uDFB5.wav"),
        source.relativePaths());
    assertEquals(List.copyOf(source.relativePaths()), names(source));
  }

  @Test
  void hiddenAndAppleDoubleFilesAreSkipped(@TempDir Path folder) throws IOException {
    Resources.copyTo(folder, TONE, "keep.wav");
    Files.write(folder.resolve("._keep.wav"), new byte[] {0, 5, 22, 7});
    Resources.copyTo(folder, TONE, ".hidden.wav");
    Resources.copyTo(folder, TONE, ".cache/inside.wav");
    Files.writeString(folder.resolve("notes.txt"), "not audio");

    AudioFolderSource source = AudioFolderSource.open(folder, AudioFolderSource.DEFAULT_EXTENSIONS);
    assertEquals(List.of("keep.wav"), source.relativePaths());
  }

  @Test
  void decodesSamplesNamedByRelativePath(@TempDir Path folder) throws IOException {
    Resources.copyTo(folder, "speech_espeak.wav", "speech/one.wav");
    SampleSource<?> source =
        new AudioFolderSourceProvider().open(folder, Map.of("extensions", "WAV"));
    try (SampleCursor<?> cursor = source.open()) {
      List<? extends Sample<?>> batch = cursor.next(10);
      assertEquals(1, batch.size());
      assertEquals("speech/one.wav", batch.get(0).name());
      AudioClip clip = (AudioClip) batch.get(0).value();
      assertEquals(22050, clip.sampleRate());
      assertTrue(cursor.next(10).isEmpty());
    }
  }

  @Test
  void fingerprintFollowsModificationTime(@TempDir Path folder) throws IOException {
    Path file = Resources.copyTo(folder, TONE, "a.wav");
    AudioFolderSource source = AudioFolderSource.open(folder, AudioFolderSource.DEFAULT_EXTENSIONS);
    String before = source.fingerprint();
    assertEquals(before, source.fingerprint());

    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
    assertNotEquals(before, source.fingerprint());
  }

  @Test
  void missingEmptyAndNonAudioFoldersAreRejected(@TempDir Path folder) throws IOException {
    Path missing = folder.resolve("missing");
    assertTrue(openError(missing).contains("not found"));
    assertTrue(openError(folder).contains("no audio files"));

    Files.write(folder.resolve("song.flac"), new byte[] {'f', 'L', 'a', 'C'});
    String message = openError(folder);
    assertTrue(message.contains("flac"), message);
    assertTrue(message.contains("convert"), message);
  }

  @Test
  void undecodableFileNamesFileOnRead(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("broken.wav"), "garbage that is not RIFF");
    AudioFolderSource source = AudioFolderSource.open(folder, AudioFolderSource.DEFAULT_EXTENSIONS);
    try (SampleCursor<AudioClip> cursor = source.open()) {
      InvalidInputException error = assertThrows(InvalidInputException.class, () -> cursor.next(1));
      assertTrue(error.getMessage().startsWith(folder.resolve("broken.wav").toString()));
    }
  }

  @Test
  void skipListsNamesWithoutDecoding(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("a.wav"), "garbage that is not RIFF");
    Resources.copyTo(folder, TONE, "b.wav");
    AudioFolderSource source = AudioFolderSource.open(folder, AudioFolderSource.DEFAULT_EXTENSIONS);

    try (SampleCursor<AudioClip> cursor = source.open()) {
      assertEquals(List.of("a.wav"), cursor.skip(1));
      assertEquals("b.wav", cursor.next(2).get(0).name());
      assertEquals(List.of(), cursor.skip(3));
    }
  }

  @Test
  void providerAcceptsFoldersWithWav(@TempDir Path folder) throws IOException {
    AudioFolderSourceProvider provider = new AudioFolderSourceProvider();
    assertFalse(provider.accepts(folder));
    Resources.copyTo(folder, TONE, "deep/er/a.wav");
    assertTrue(provider.accepts(folder));
    assertFalse(provider.accepts(folder.resolve("deep/er/a.wav")));
    assertThrows(
        InvalidInputException.class, () -> provider.open(folder, Map.of("colour", "blue")));
  }

  @Test
  void arraySourceCopiesAndFingerprintsContent() throws IOException {
    float[] first = {0.1f, -0.2f, 0.3f};
    float[] second = {0.5f};
    ArrayAudioSource source = ArrayAudioSource.of(8000, first, second);
    String fingerprint = source.fingerprint();
    first[0] = 0.9f;

    assertEquals(
        fingerprint,
        ArrayAudioSource.of(8000, new float[] {0.1f, -0.2f, 0.3f}, second).fingerprint());
    assertNotEquals(
        fingerprint,
        ArrayAudioSource.of(16000, new float[] {0.1f, -0.2f, 0.3f}, second).fingerprint());
    assertNotEquals(fingerprint, ArrayAudioSource.of(8000, first, second).fingerprint());

    try (SampleCursor<AudioClip> cursor = source.open()) {
      List<Sample<AudioClip>> batch = cursor.next(5);
      assertEquals("clip-00000", batch.get(0).name());
      assertArrayEquals(new float[] {0.1f, -0.2f, 0.3f}, batch.get(0).value().samples());
      assertEquals(8000, batch.get(1).value().sampleRate());
    }
  }

  @Test
  void arraySourceRejectsNonFiniteAndEmptyClips() {
    InvalidInputException nan =
        assertThrows(
            InvalidInputException.class,
            () -> ArrayAudioSource.of(8000, new float[] {0f}, new float[] {0f, Float.NaN}));
    assertTrue(nan.getMessage().contains("clip 1"), nan.getMessage());
    assertTrue(nan.getMessage().contains("sample 1"), nan.getMessage());
    assertThrows(InvalidInputException.class, () -> ArrayAudioSource.of(8000, new float[0]));
  }

  private static String openError(Path folder) {
    return assertThrows(
            InvalidInputException.class,
            () -> AudioFolderSource.open(folder, AudioFolderSource.DEFAULT_EXTENSIONS))
        .getMessage();
  }

  private static List<String> names(AudioFolderSource source) throws IOException {
    List<String> names = new ArrayList<>();
    try (SampleCursor<AudioClip> cursor = source.open()) {
      for (List<Sample<AudioClip>> batch = cursor.next(2);
          !batch.isEmpty();
          batch = cursor.next(2)) {
        batch.forEach(sample -> names.add(sample.name()));
      }
    }
    return names;
  }
}
