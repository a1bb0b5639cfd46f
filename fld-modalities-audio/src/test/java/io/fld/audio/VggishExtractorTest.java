package io.fld.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.sample.AudioClip;
import io.fld.audio.dsp.VggishFrontEnd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VggishExtractorTest {
  private static final double BATCH_TOLERANCE = 1e-5;

  /** ONNX Runtime sums 6144 float products; its order differs from the double reference. */
  private static final double REFERENCE_TOLERANCE = 1e-4;

  @TempDir static Path folder;
  private static Path model;
  private static Path channelModel;

  @BeforeAll
  static void writeModels() throws IOException {
    model = TinyVggishModel.write(folder.resolve("vggish.onnx"), false);
    channelModel = TinyVggishModel.write(folder.resolve("vggish-nchw.onnx"), true);
  }

  @Test
  void embedsReferenceClipsAsPatchMeans() throws IOException {
    AudioClip clip = Resources.clip("tone440_16k_pcm16.wav");
    try (VggishExtractor extractor = extractor(model, 4)) {
      float[][] features = extractor.extract(List.of(clip));
      float[][][] patches = extractor.patches(clip);
      assertEquals(1, features.length);
      assertEquals(128, features[0].length);
      assertEquals(3, patches.length);

      double[] mean = new double[128];
      for (float[][] patch : patches) {
        double[] embedding = TinyVggishModel.reference(flat(patch));
        for (int j = 0; j < 128; j++) {
          mean[j] += embedding[j] / patches.length;
        }
      }
      for (int j = 0; j < 128; j++) {
        assertEquals(mean[j], features[0][j], REFERENCE_TOLERANCE, "dimension " + j);
      }
    }
  }

  @Test
  void batchSizeDoesNotChangeFeatures() throws IOException {
    List<AudioClip> clips = mixedClips();
    float[][] single;
    float[][] eight;
    try (VggishExtractor extractor = extractor(model, 1)) {
      single = extractor.extract(clips);
    }
    try (VggishExtractor extractor = extractor(model, 8)) {
      eight = extractor.extract(clips);
    }
    assertEquals(clips.size(), eight.length);
    for (int i = 0; i < clips.size(); i++) {
      assertArrayEquals(single[i], eight[i], (float) BATCH_TOLERANCE, "clip " + i);
    }
  }

  @Test
  void channelAxisLayoutGivesSameFeatures() throws IOException {
    List<AudioClip> clips = mixedClips();
    try (VggishExtractor flat = extractor(model, 8);
        VggishExtractor withChannel = extractor(channelModel, 8)) {
      float[][] expected = flat.extract(clips);
      float[][] actual = withChannel.extract(clips);
      for (int i = 0; i < clips.size(); i++) {
        assertArrayEquals(expected[i], actual[i], (float) BATCH_TOLERANCE, "clip " + i);
      }
    }
  }

  @Test
  void extractionIsDeterministic() throws IOException {
    List<AudioClip> clips = mixedClips();
    try (VggishExtractor extractor = extractor(model, 3)) {
      float[][] first = extractor.extract(clips);
      float[][] second = extractor.extract(clips);
      for (int i = 0; i < clips.size(); i++) {
        assertArrayEquals(first[i], second[i], "clip " + i);
      }
    }
  }

  @Test
  void patchEmbeddingsHaveOneRowPerPatch() throws IOException {
    try (VggishExtractor extractor = extractor(model, 2)) {
      float[][] embeddings = extractor.patchEmbeddings(Resources.clip("chirp_48k_pcm16.wav"));
      assertEquals(2, embeddings.length);
      assertEquals(128, embeddings[0].length);
    }
  }

  @Test
  void shortClipIsPaddedToOnePatch() throws IOException {
    AudioClip shortClip = Resources.clip("short_0.5s_16k_pcm16.wav");
    try (VggishExtractor extractor = extractor(model, 8)) {
      float[][][] patches = extractor.patches(shortClip);
      assertEquals(1, patches.length);
      float silence = (float) Math.log(VggishFrontEnd.LOG_OFFSET);
      assertEquals(silence, patches[0][95][10], 1e-6f, "padded frames are silence");
      assertEquals(1, extractor.extract(List.of(shortClip)).length);
    }
  }

  @Test
  void shortClipRejectedOnRequest() {
    AudioClip shortClip = Resources.clip("short_0.5s_16k_pcm16.wav");
    try (VggishExtractor extractor =
        new VggishExtractor(model, 8, 1, "cpu", ShortClipPolicy.REJECT)) {
      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> extractor.extract(List.of(shortClip)));
      assertTrue(error.getMessage().contains("0.500 s"), error.getMessage());
      assertTrue(error.getMessage().contains("0.975 s (15600 samples"), error.getMessage());
    }
  }

  @Test
  void nonFiniteSampleIsRejected() {
    AudioClip broken = new AudioClip(new float[] {0f, Float.POSITIVE_INFINITY}, 16_000);
    try (VggishExtractor extractor = extractor(model, 8)) {
      InvalidInputException error =
          assertThrows(InvalidInputException.class, () -> extractor.extract(List.of(broken)));
      assertTrue(error.getMessage().contains("sample 1"), error.getMessage());
    }
  }

  @Test
  void emptyBatchNeedsNoModel() throws IOException {
    try (VggishExtractor extractor = extractor(folder.resolve("absent.onnx"), 8)) {
      assertEquals(0, extractor.extract(List.of()).length);
    }
  }

  @Test
  void providerResolvesModelInModelFolder() throws IOException {
    ExtractorOptions options =
        new ExtractorOptions(Optional.empty(), folder, 8, 1, "cpu", Map.of());
    try (FeatureExtractor<?> extractor = new VggishExtractorProvider().open(options)) {
      assertEquals("vggish", extractor.id());
      assertEquals(128, extractor.dimension());
      assertEquals(AudioClip.class, extractor.sampleType());
      assertTrue(extractor.preprocessing().startsWith("vggish-logmel-16k/v1"));
      assertEquals(Checksums.fileSha256(model), extractor.modelChecksum());
      assertEquals(64, extractor.modelChecksum().length());
    }
  }

  @Test
  void explicitModelFileWins(@TempDir Path empty) throws IOException {
    ExtractorOptions options =
        new ExtractorOptions(Optional.of(channelModel), empty, 8, 1, "cpu", Map.of());
    try (FeatureExtractor<?> extractor = new VggishExtractorProvider().open(options)) {
      assertEquals(Checksums.fileSha256(channelModel), extractor.modelChecksum());
    }
  }

  @Test
  void unknownShortClipPolicyIsRejected() {
    ExtractorOptions options =
        new ExtractorOptions(
            Optional.empty(), folder, 8, 1, "cpu", Map.of("short-clips", "stretch"));
    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> new VggishExtractorProvider().open(options));
    assertTrue(error.getMessage().contains("stretch"), error.getMessage());
  }

  @Test
  void shortClipPolicyIsReadFromExtraOptions() throws IOException {
    ExtractorOptions options =
        new ExtractorOptions(
            Optional.empty(), folder, 8, 1, "cpu", Map.of("short-clips", "reject"));
    try (FeatureExtractor<?> extractor = new VggishExtractorProvider().open(options)) {
      assertTrue(extractor.preprocessing().contains("short=reject"), extractor.preprocessing());
    }
  }

  @Test
  void unknownExtraOptionIsRejected() {
    ExtractorOptions options =
        new ExtractorOptions(Optional.empty(), folder, 8, 1, "cpu", Map.of("short-clip", "pad"));
    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> new VggishExtractorProvider().open(options));
    assertTrue(error.getMessage().contains("'short-clip'"), error.getMessage());
    assertTrue(error.getMessage().contains("known options: short-clips"), error.getMessage());
  }

  @Test
  void shortClipMessagesAgreeOnLength() {
    List<String> messages =
        List.of(
            VggishExtractor.shortFileWarning("a.wav", 0.5),
            VggishExtractor.paddedClipsWarning(1, 2));
    for (String message : messages) {
      assertTrue(message.contains("0.975 s (15600 samples at 16 kHz)"), message);
      assertFalse(message.contains("0.96"), message);
    }
  }

  @Test
  void missingModelNamesExpectedPath(@TempDir Path empty) {
    ExtractorOptions options = new ExtractorOptions(Optional.empty(), empty, 8, 0, "cpu", Map.of());
    InvalidInputException error =
        assertThrows(
            InvalidInputException.class, () -> new VggishExtractorProvider().open(options));
    assertTrue(error.getMessage().contains(empty.resolve("vggish.onnx").toString()));
    assertTrue(error.getMessage().contains("README"));
  }

  @Test
  void invalidModelFileIsRejectedOnFirstUse(@TempDir Path dir) throws IOException {
    Path garbage = Files.writeString(dir.resolve("vggish.onnx"), "not a model");
    try (VggishExtractor extractor = extractor(garbage, 8)) {
      InvalidInputException error =
          assertThrows(
              InvalidInputException.class,
              () -> extractor.extract(List.of(Resources.clip("tone440_16k_pcm16.wav"))));
      assertTrue(error.getMessage().startsWith(garbage.toString()), error.getMessage());
    }
  }

  @Test
  void closeIsIdempotentAndLazy() throws IOException {
    VggishExtractor unused = extractor(folder.resolve("absent.onnx"), 8);
    unused.close();
    unused.close();

    VggishExtractor used = extractor(model, 8);
    used.extract(List.of(Resources.clip("tone440_16k_pcm16.wav")));
    used.close();
    used.close();
    assertThrows(
        IllegalStateException.class,
        () -> used.extract(List.of(Resources.clip("tone440_16k_pcm16.wav"))));
  }

  private static VggishExtractor extractor(Path modelFile, int batchSize) {
    return new VggishExtractor(modelFile, batchSize, 1, "cpu", ShortClipPolicy.PAD);
  }

  /** Real and generated clips of 0.5 to 3 s at several rates: 1 to 3 patches each. */
  private static List<AudioClip> mixedClips() {
    List<AudioClip> clips = new ArrayList<>();
    clips.add(Resources.clip("tone440_16k_pcm16.wav"));
    clips.add(Resources.clip("alsa_Noise.wav"));
    clips.add(Resources.clip("short_0.5s_16k_pcm16.wav"));
    clips.add(Resources.clip("speech_espeak.wav"));
    Random random = new Random(3);
    float[] noise = new float[22_050 * 2];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (float) (0.1 * random.nextGaussian());
    }
    clips.add(new AudioClip(noise, 22_050));
    return clips;
  }

  private static float[] flat(float[][] patch) {
    float[] values = new float[patch.length * patch[0].length];
    for (int f = 0; f < patch.length; f++) {
      System.arraycopy(patch[f], 0, values, f * patch[0].length, patch[0].length);
    }
    return values;
  }
}
