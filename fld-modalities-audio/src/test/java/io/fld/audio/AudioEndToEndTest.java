package io.fld.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.feature.FeatureSet;
import io.fld.api.sample.AudioClip;
import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import io.fld.api.sample.SampleSourceProvider;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs folders of real recordings and generated clips through the plugin as the tool would: the
 * {@code audio-folder} source, the {@code vggish} extractor with the tiny ONNX model, and a Fréchet
 * distance with diagonal covariances between the feature sets.
 */
class AudioEndToEndTest {
  private static final int RATE = 22_050;
  private static final Path ALSA_SOUNDS = Path.of("/usr/share/sounds/alsa");

  /** Noise lies far from tones and speech: measured 111.7 against 2.05 for the held-out set. */
  private static final double MIN_SEPARATION_FACTOR = 10;

  @TempDir static Path root;
  private static ExtractorOptions options;

  @BeforeAll
  static void buildFolders() throws IOException {
    Path models = Files.createDirectories(root.resolve("models"));
    TinyVggishModel.write(models.resolve("vggish.onnx"), false);
    options = new ExtractorOptions(Optional.empty(), models, 4, 1, "cpu", Map.of());

    Path train = root.resolve("train");
    Resources.copyTo(train, "alsa_Front_Center.wav", "real/alsa_Front_Center.wav");
    Resources.copyTo(train, "speech_espeak.wav", "real/speech_espeak.wav");
    Resources.copyTo(train, "tone440_44k1_stereo_pcm16.wav", "tone440.wav");
    for (int i = 0; i < 5; i++) {
      writeTone(train.resolve("tones/tone" + i + ".wav"), 300 + 150 * i);
    }

    Path test = root.resolve("test");
    Resources.copyTo(test, "alsa_Noise.wav", "real/alsa_Noise.wav");
    Resources.copyTo(test, "chirp_48k_pcm16.wav", "chirp.wav");
    for (int i = 0; i < 5; i++) {
      writeTone(test.resolve("tones/tone" + i + ".wav"), 375 + 150 * i);
    }

    Path gen = root.resolve("gen");
    for (int i = 0; i < 7; i++) {
      writeNoise(gen.resolve("noise" + i + ".wav"), i);
    }
  }

  @Test
  void folderFeaturesSeparateNoiseFromRealAudio() throws IOException {
    FeatureSet train = extract(root.resolve("train"));
    FeatureSet test = extract(root.resolve("test"));
    FeatureSet gen = extract(root.resolve("gen"));

    assertEquals(8, train.rows());
    assertEquals(7, test.rows());
    assertEquals(7, gen.rows());
    assertEquals(128, train.dimension());
    assertEquals("vggish", train.provenance().extractorId());

    double testDistance = diagonalFrechet(train, test);
    double genDistance = diagonalFrechet(train, gen);
    assertTrue(
        MIN_SEPARATION_FACTOR * testDistance < genDistance,
        "held-out real audio should lie far closer to train than noise: "
            + testDistance
            + " vs "
            + genDistance);
  }

  @Test
  void extractionIsDeterministic() throws IOException {
    FeatureSet first = extract(root.resolve("test"));
    FeatureSet second = extract(root.resolve("test"));
    assertArrayEquals(first.toArray(), second.toArray());
  }

  @Test
  void installedAlsaSoundsDecodeAndEmbed() throws IOException {
    assumeTrue(Files.isDirectory(ALSA_SOUNDS), "alsa-utils test sounds are not installed");
    try (Stream<Path> files = Files.list(ALSA_SOUNDS)) {
      assumeTrue(files.anyMatch(file -> file.toString().endsWith(".wav")), "no WAV files");
    }
    FeatureSet features = extract(ALSA_SOUNDS);
    assertTrue(features.rows() > 0);
    assertEquals(128, features.dimension());
  }

  private static FeatureSet extract(Path folder) throws IOException {
    AudioPlugin plugin = new AudioPlugin();
    SampleSourceProvider sources = plugin.sampleSources().get(0);
    assertTrue(sources.accepts(folder), folder + " should be an audio folder");
    SampleSource<?> source = sources.open(folder, Map.of());

    List<AudioClip> clips = new ArrayList<>();
    try (SampleCursor<?> cursor = source.open()) {
      for (List<? extends Sample<?>> batch = cursor.next(3);
          !batch.isEmpty();
          batch = cursor.next(3)) {
        batch.forEach(sample -> clips.add((AudioClip) sample.value()));
      }
    }
    try (FeatureExtractor<?> opened = plugin.extractors().get(0).open(options)) {
      @SuppressWarnings("unchecked")
      FeatureExtractor<AudioClip> extractor = (FeatureExtractor<AudioClip>) opened;
      float[][] rows = extractor.extract(clips);
      return FeatureSet.of(
          rows,
          new io.fld.api.feature.FeatureProvenance(
              source.description(),
              extractor.id(),
              extractor.modelChecksum(),
              extractor.preprocessing()));
    }
  }

  /** |mu1 - mu2|^2 + sum over dimensions of (sigma1 - sigma2)^2, the diagonal Fréchet distance. */
  private static double diagonalFrechet(FeatureSet first, FeatureSet second) {
    double distance = 0;
    for (int j = 0; j < first.dimension(); j++) {
      double[] a = meanAndStd(first, j);
      double[] b = meanAndStd(second, j);
      distance += (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]);
    }
    return distance;
  }

  private static double[] meanAndStd(FeatureSet set, int column) {
    double sum = 0;
    for (int i = 0; i < set.rows(); i++) {
      sum += set.get(i, column);
    }
    double mean = sum / set.rows();
    double squares = 0;
    for (int i = 0; i < set.rows(); i++) {
      squares += (set.get(i, column) - mean) * (set.get(i, column) - mean);
    }
    return new double[] {mean, Math.sqrt(squares / (set.rows() - 1))};
  }

  private static void writeTone(Path file, double hertz) throws IOException {
    short[] samples = new short[RATE * 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) Math.round(12_000 * Math.sin(2 * Math.PI * hertz * i / RATE));
    }
    writePcm16(file, samples);
  }

  private static void writeNoise(Path file, long seed) throws IOException {
    Random random = new Random(seed);
    short[] samples = new short[RATE * 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] =
          (short) Math.round(Math.max(-32768, Math.min(32767, 6_000 * random.nextGaussian())));
    }
    writePcm16(file, samples);
  }

  private static void writePcm16(Path file, short[] samples) throws IOException {
    WavBytes wav = WavBytes.riff().fmt(1, 1, RATE, 16);
    ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short sample : samples) {
      data.putShort(sample);
    }
    Files.createDirectories(file.getParent());
    Files.write(file, wav.chunk("data", data.array()).bytes());
  }
}
