package io.fld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fld.audio.TinyVggishModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluates folders of audio clips end to end through {@code fld evaluate --extractor vggish}: real
 * recordings (the alsa-utils test sounds and an espeak-ng sentence shipped with the audio module's
 * tests, plus the system's alsa-utils sounds and fresh espeak-ng speech when those are installed),
 * generated tones and noise, embedded by a tiny network with VGGish's signature.
 */
class AudioEvaluateIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RATE = 16_000;
  private static final double CLIP_SECONDS = 1.5;
  private static final double AMPLITUDE = 0.4;
  private static final List<String> RECORDINGS =
      List.of("alsa_Front_Center.wav", "alsa_Noise.wav", "speech_espeak.wav");
  private static final Path SYSTEM_SOUNDS = Path.of("/usr/share/sounds/alsa");
  private static final long ESPEAK_TIMEOUT_SECONDS = 30;

  @TempDir Path work;

  private CliRunner cli;
  private Path model;

  @BeforeEach
  void setUp() throws IOException {
    cli = new CliRunner(work.resolve("home"));
    model = TinyVggishModel.write(work.resolve("vggish.onnx"), false);
  }

  @Test
  void heldOutTonesBeatNoise() throws Exception {
    Path train = Files.createDirectories(work.resolve("train"));
    Path test = Files.createDirectories(work.resolve("test"));
    Path tones = Files.createDirectories(work.resolve("gen-tones"));
    Path noise = Files.createDirectories(work.resolve("gen-noise"));
    Random random = new Random(7);
    for (int i = 0; i < 12; i++) {
      writeTone(train.resolve("tone" + i + ".wav"), 200 + 150 * i, random);
      writeTone(test.resolve("tone" + i + ".wav"), 260 + 150 * i, random);
      writeTone(tones.resolve("tone" + i + ".wav"), 230 + 150 * i, random);
      writeNoise(noise.resolve("noise" + i + ".wav"), random);
    }
    copyRecordings(train);
    addSystemRecordings(train);
    addSpeech(test);

    JsonNode withTones = evaluate(train, test, tones);
    JsonNode withNoise = evaluate(train, test, noise);

    assertEquals(12, withTones.at("/counts/gen").asInt());
    assertTrue(withTones.at("/counts/train").asInt() >= 12 + RECORDINGS.size());
    double tonesFid = withTones.at("/metrics/fid").asDouble();
    double noiseFid = withNoise.at("/metrics/fid").asDouble();
    assertTrue(Double.isFinite(tonesFid), withTones.toString());
    assertTrue(noiseFid > 2 * tonesFid, "fid of noise " + noiseFid + ", of tones " + tonesFid);
    assertTrue(
        withNoise.at("/metrics/precision").asDouble()
            <= withTones.at("/metrics/precision").asDouble(),
        withNoise.toString());
  }

  @Test
  void missingModelNamesExpectedPath() throws IOException {
    Path folder = Files.createDirectories(work.resolve("clips"));
    Random random = new Random(3);
    for (int i = 0; i < 3; i++) {
      writeTone(folder.resolve("tone" + i + ".wav"), 300 + 100 * i, random);
    }

    CliRunner.Result result =
        cli.run(
            "evaluate",
            "--train",
            folder.toString(),
            "--test",
            folder.toString(),
            "--gen",
            folder.toString(),
            "--extractor",
            "vggish",
            "--metrics",
            "fid");

    assertEquals(Main.INVALID_INPUT, result.status(), result.err());
    assertTrue(result.err().contains("vggish.onnx"), result.err());
  }

  private JsonNode evaluate(Path train, Path test, Path gen) throws IOException {
    CliRunner.Result result =
        cli.run(
            "evaluate",
            "--train",
            train.toString(),
            "--test",
            test.toString(),
            "--gen",
            gen.toString(),
            "--extractor",
            "vggish",
            "--model",
            model.toString(),
            "--no-cache",
            "--metrics",
            "fid,fid_test,precision,recall,fld_gap",
            "--format",
            "json");
    assertEquals(0, result.status(), result.err());
    return JSON.readTree(result.out());
  }

  private static void copyRecordings(Path folder) throws IOException {
    for (String name : RECORDINGS) {
      try (InputStream in = AudioEvaluateIT.class.getResourceAsStream("/audio/wav/" + name)) {
        assertTrue(in != null, "missing test resource audio/wav/" + name);
        Files.copy(in, folder.resolve(name));
      }
    }
  }

  /** Adds the alsa-utils test sounds when the package is installed, as CI installs it. */
  private static void addSystemRecordings(Path folder) throws IOException {
    if (!Files.isDirectory(SYSTEM_SOUNDS)) {
      return;
    }
    try (Stream<Path> files = Files.list(SYSTEM_SOUNDS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".wav")).toList()) {
        Files.copy(file, folder.resolve("system-" + file.getFileName()));
      }
    }
  }

  /** Adds a sentence spoken by espeak-ng when the program is installed. */
  private static void addSpeech(Path folder) throws InterruptedException {
    Path output = folder.resolve("espeak.wav");
    try {
      Process process =
          new ProcessBuilder(
                  "espeak-ng", "-w", output.toString(), "Generated speech for the audio test.")
              .redirectErrorStream(true)
              .start();
      if (!process.waitFor(ESPEAK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException notInstalled) {
      // espeak-ng is optional, because the training set already contains a shipped recording.
    }
  }

  private static void writeTone(Path file, double frequency, Random random) throws IOException {
    double phase = random.nextDouble() * 2 * Math.PI;
    writeClip(file, t -> AMPLITUDE * Math.sin(2 * Math.PI * frequency * t / RATE + phase), random);
  }

  private static void writeNoise(Path file, Random random) throws IOException {
    writeClip(file, t -> AMPLITUDE * (2 * random.nextDouble() - 1), random);
  }

  private interface Signal {
    double at(int sample);
  }

  /** Writes a mono 16-bit PCM WAV file of {@link #CLIP_SECONDS} seconds. */
  private static void writeClip(Path file, Signal signal, Random random) throws IOException {
    int samples = (int) (RATE * CLIP_SECONDS);
    ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + 2 * samples);
    wav.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
    wav.putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(2 * RATE);
    wav.putShort((short) 2).putShort((short) 16);
    wav.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2 * samples);
    for (int t = 0; t < samples; t++) {
      double value = signal.at(t) + 1e-3 * random.nextGaussian();
      wav.putShort((short) Math.round(Math.max(-1, Math.min(1, value)) * Short.MAX_VALUE));
    }
    Files.write(file, wav.array());
  }
}
