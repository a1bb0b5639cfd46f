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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    Files.write(folder.resolve("broken.wav"), nanWav());
    AudioFolderSource source = AudioFolderSource.open(folder, AudioFolderSource.DEFAULT_EXTENSIONS);
    try (SampleCursor<AudioClip> cursor = source.open()) {
      InvalidInputException error = assertThrows(InvalidInputException.class, () -> cursor.next(1));
      assertTrue(error.getMessage().startsWith(folder.resolve("broken.wav").toString()));
    }
  }

  @Test
  void skipListsNamesWithoutDecoding(@TempDir Path folder) throws IOException {
    Files.write(folder.resolve("a.wav"), nanWav());
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

  @Test
  void fingerprintDiffersBetweenFolders(@TempDir Path root) throws IOException {
    FileTime time = FileTime.fromMillis(1_600_000_000_000L);
    Path first = root.resolve("first");
    Path second = root.resolve("second");
    Files.createDirectories(first);
    Files.createDirectories(second);
    Files.write(first.resolve("a.wav"), pcm16Wav(1000, (short) 100));
    Files.write(second.resolve("a.wav"), pcm16Wav(1000, (short) -100));
    Files.setLastModifiedTime(first.resolve("a.wav"), time);
    Files.setLastModifiedTime(second.resolve("a.wav"), time);

    for (boolean contentHash : new boolean[] {false, true}) {
      AudioFolderOptions options = new AudioFolderOptions(Set.of("wav"), false, contentHash);
      String firstPrint = AudioFolderSource.open(first, options).fingerprint();
      String secondPrint = AudioFolderSource.open(second, options).fingerprint();
      assertNotEquals(firstPrint, secondPrint, "content-hash=" + contentHash);
    }
  }

  @Test
  void contentHashFollowsContentOnly(@TempDir Path folder) throws IOException {
    FileTime time = FileTime.fromMillis(1_600_000_000_000L);
    Path file = folder.resolve("a.wav");
    Files.write(file, pcm16Wav(1000, (short) 100));
    Files.setLastModifiedTime(file, time);
    AudioFolderSource byStat = AudioFolderSource.open(folder, AudioFolderOptions.defaults());
    AudioFolderSource byContent =
        AudioFolderSource.open(folder, AudioFolderOptions.parse(Map.of("content-hash", "true")));
    String statBefore = byStat.fingerprint();
    String contentBefore = byContent.fingerprint();
    assertNotEquals(statBefore, contentBefore);

    Files.write(file, pcm16Wav(1000, (short) 200));
    Files.setLastModifiedTime(file, time);
    assertEquals(statBefore, byStat.fingerprint());
    assertNotEquals(contentBefore, byContent.fingerprint());
  }

  @Test
  void headerCheckListsAllBadFiles(@TempDir Path folder) throws IOException {
    Resources.copyTo(folder, TONE, "good.wav");
    Files.writeString(folder.resolve("text.wav"), "garbage that is not RIFF");
    Files.write(folder.resolve("empty.wav"), new byte[0]);
    Files.write(
        folder.resolve("flac.wav"), new byte[] {'f', 'L', 'a', 'C', 0, 0, 0, 0, 0, 0, 0, 0});
    byte[] truncated = pcm16Wav(1000, (short) 1);
    Files.write(folder.resolve("truncated.wav"), Arrays.copyOf(truncated, 100));

    String message = openError(folder);
    assertTrue(message.contains("4 of 5 audio file(s)"), message);
    assertTrue(message.contains("empty.wav: the file is empty"), message);
    assertTrue(message.contains("flac.wav: the file is FLAC"), message);
    assertTrue(message.contains("text.wav: unknown audio format"), message);
    assertTrue(message.contains("truncated.wav: WAVE 'data' chunk declares"), message);
    assertFalse(message.contains("good.wav"), message);
    assertTrue(message.contains("skip-invalid=true"), message);
  }

  @Test
  void headerErrorListsTwentyAndCountsRest(@TempDir Path folder) throws IOException {
    for (int i = 0; i < 25; i++) {
      Files.writeString(folder.resolve(String.format("bad%02d.wav", i)), "not RIFF");
    }
    String message = openError(folder);
    assertTrue(message.contains("bad19.wav"), message);
    assertFalse(message.contains("bad20.wav"), message);
    assertTrue(message.contains("... and 5 more"), message);
  }

  @Test
  void skipInvalidLeavesOutUndecodable(@TempDir Path folder) throws IOException {
    Resources.copyTo(folder, TONE, "a.wav");
    Files.write(folder.resolve("b.wav"), nanWav());
    Files.writeString(folder.resolve("c.wav"), "garbage that is not RIFF");
    Resources.copyTo(folder, TONE, "d.wav");

    SampleSource<?> opened =
        new AudioFolderSourceProvider().open(folder, Map.of("skip-invalid", "true"));
    AudioFolderSource source = (AudioFolderSource) opened;
    assertEquals(List.of("a.wav", "d.wav"), source.relativePaths());
    assertEquals(List.of("a.wav", "d.wav"), names(source));
    List<String> skipped = source.skipped().stream().map(InvalidFile::name).toList();
    assertEquals(List.of("b.wav", "c.wav"), skipped);
    assertTrue(source.skipped().get(0).reason().contains("sample 1"), source.skipped().toString());
  }

  @Test
  void skipInvalidWithNothingLeftFails(@TempDir Path folder) throws IOException {
    Files.write(folder.resolve("a.wav"), nanWav());
    Files.writeString(folder.resolve("b.wav"), "garbage that is not RIFF");
    AudioFolderOptions options = AudioFolderOptions.parse(Map.of("skip-invalid", "true"));

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> AudioFolderSource.open(folder, options));
    assertTrue(error.getMessage().contains("none of the 2 audio file(s)"), error.getMessage());
    assertTrue(error.getMessage().contains("a.wav: sample 1"), error.getMessage());
    assertTrue(error.getMessage().contains("b.wav: unknown audio format"), error.getMessage());
  }

  @Test
  void providerRejectsBadOptions(@TempDir Path folder) throws IOException {
    Resources.copyTo(folder, TONE, "a.wav");
    AudioFolderSourceProvider provider = new AudioFolderSourceProvider();
    InvalidInputException unknown =
        assertThrows(InvalidInputException.class, () -> provider.open(folder, Map.of("x", "1")));
    assertTrue(
        unknown.getMessage().contains("extensions, skip-invalid, content-hash"),
        unknown.getMessage());
    InvalidInputException flag =
        assertThrows(
            InvalidInputException.class,
            () -> provider.open(folder, Map.of("skip-invalid", "yes")));
    assertTrue(flag.getMessage().contains("true or false"), flag.getMessage());
  }

  /** Returns a float WAVE file whose second sample is NaN, valid up to its sample values. */
  private static byte[] nanWav() {
    WavBytes wav = WavBytes.riff().fmt(3, 1, 16000, 32);
    return wav.chunk("data", wav.floats(0.5f, Float.NaN, 0.25f)).bytes();
  }

  private static byte[] pcm16Wav(int samples, short value) {
    long[] values = new long[samples];
    Arrays.fill(values, value);
    WavBytes wav = WavBytes.riff().fmt(1, 1, 16000, 16);
    return wav.chunk("data", wav.samples(2, values)).bytes();
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
