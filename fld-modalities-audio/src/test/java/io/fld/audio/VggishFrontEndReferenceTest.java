package io.fld.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.sample.AudioClip;
import io.fld.audio.dsp.VggishFrontEnd;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the front end with log-mel spectrograms and examples computed by the reference VGGish
 * numpy code (resampy 0.4.2 kaiser_best for resampling, numpy 1.24), stored under
 * src/test/resources/audio/expected.
 */
class VggishFrontEndReferenceTest {
  /** Float32 storage of the expected arrays and of int32 samples limits agreement to ~2e-5. */
  private static final double NATIVE_RATE_TOLERANCE = 1e-4;

  /**
   * The resampler uses resampy 0.4's kaiser_best parameters and interpolation scheme. Measured
   * agreement on the six resampled cases is 2.4e-7, the float32 rounding of the stored arrays.
   */
  private static final double RESAMPLED_TOLERANCE = 1e-5;

  /**
   * 24-bit, 32-bit and float encodings of the same tone differ by quantization of about 2^-24,
   * which moves ln(mel + 0.01) by about 1e-4 in empty bands (measured max 1.1e-4).
   */
  private static final double HIGH_RESOLUTION_TOLERANCE = 1e-3;

  /**
   * 16-bit rounding noise has an RMS of 2^-15 / sqrt(12) = 8.8e-6 per sample; through the 400-point
   * Hann window an FFT bin carries about sqrt(150) times that, 1.1e-4, and a band sums up to ~4
   * bins, so in an empty band the noise is ~4e-4, or 0.04 after division by the 0.01 log offset.
   * The largest of 19072 values lies near 4 standard deviations, hence these bounds (measured: max
   * 0.103, mean 0.021).
   */
  private static final double PCM16_MAX_TOLERANCE = 0.2;

  private static final double PCM16_MEAN_TOLERANCE = 0.04;

  private final VggishFrontEnd frontEnd = new VggishFrontEnd();

  @ParameterizedTest
  @ValueSource(strings = {"chirp_48k_pcm16", "speech_espeak", "tone440_16k_pcm16"})
  void examplesMatchPatchesOfLogMel(String name) {
    double[] waveform = waveform(name);
    float[][][] expected = VggishFrontEnd.patches(frontEnd.logMel(waveform));
    float[][][] examples = frontEnd.examples(waveform);
    assertEquals(expected.length, examples.length, "patch count");
    for (int p = 0; p < expected.length; p++) {
      for (int f = 0; f < expected[p].length; f++) {
        assertArrayEquals(expected[p][f], examples[p][f], name + " patch " + p + " frame " + f);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tone440_16k_pcm16",
        "tone440_16k_pcm24",
        "tone440_16k_pcm32",
        "tone440_16k_float",
        "short_0.5s_16k_pcm16",
        "silence_2s_16k_pcm16"
      })
  void nativeRateMatchesReference(String name) throws IOException {
    AudioClip clip = Resources.clip(name + ".wav");
    double[][] logMel = frontEnd.logMel(VggishExtractor.waveformAt16k(clip));
    Npy expectedLogMel = Npy.resource(name + ".logmel.npy");
    Npy expectedExamples = Npy.resource(name + ".examples.npy");

    assertEquals(expectedLogMel.shape()[0], logMel.length, "frame count");
    assertMaxDifference(expectedLogMel, flatten(logMel), NATIVE_RATE_TOLERANCE, name + " log-mel");

    float[][][] examples = VggishFrontEnd.patches(logMel);
    assertEquals(expectedExamples.shape()[0], examples.length, "example count");
    assertMaxDifference(
        expectedExamples, flatten(examples), NATIVE_RATE_TOLERANCE, name + " examples");
  }

  @ParameterizedTest
  @CsvSource({
    "tone440_44k1_stereo_pcm16, 44100",
    "chirp_48k_pcm16, 48000",
    "noise_8k_pcm16, 8000",
    "alsa_Front_Center, 48000",
    "alsa_Noise, 48000",
    "speech_espeak, 22050"
  })
  void resampledMatchesReference(String name, int sampleRate) throws IOException {
    AudioClip clip = Resources.clip(name + ".wav");
    assertEquals(sampleRate, clip.sampleRate(), "decoded sample rate");
    double[][] logMel = frontEnd.logMel(VggishExtractor.waveformAt16k(clip));
    Npy expectedLogMel = Npy.resource(name + ".logmel.npy");
    Npy expectedExamples = Npy.resource(name + ".examples.npy");

    assertEquals(expectedLogMel.shape()[0], logMel.length, "frame count");
    assertMaxDifference(expectedLogMel, flatten(logMel), RESAMPLED_TOLERANCE, name + " log-mel");

    float[][][] examples = VggishFrontEnd.patches(logMel);
    assertEquals(expectedExamples.shape()[0], examples.length, "example count");
    assertMaxDifference(
        expectedExamples, flatten(examples), RESAMPLED_TOLERANCE, name + " examples");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tone440_16k_pcm24", "tone440_16k_pcm32", "tone440_16k_float"})
  void highResolutionEncodingsAgree(String name) throws IOException {
    double[] reference = flatten(frontEnd.logMel(waveform("tone440_16k_float")));
    double[] other = flatten(frontEnd.logMel(waveform(name)));
    assertArrayEquals(reference, other, HIGH_RESOLUTION_TOLERANCE, name + " vs float");
  }

  @org.junit.jupiter.api.Test
  void sixteenBitEncodingAgreesWithinQuantization() {
    double[] reference = flatten(frontEnd.logMel(waveform("tone440_16k_float")));
    double[] pcm16 = flatten(frontEnd.logMel(waveform("tone440_16k_pcm16")));
    assertEquals(reference.length, pcm16.length, "value count");

    double max = 0;
    double sum = 0;
    for (int i = 0; i < reference.length; i++) {
      double difference = Math.abs(reference[i] - pcm16[i]);
      max = Math.max(max, difference);
      sum += difference;
    }
    assertTrue(max <= PCM16_MAX_TOLERANCE, "max difference " + max);
    assertTrue(
        sum / reference.length <= PCM16_MEAN_TOLERANCE,
        "mean difference " + sum / reference.length);
  }

  private double[] waveform(String name) {
    return VggishExtractor.waveformAt16k(Resources.clip(name + ".wav"));
  }

  static void assertMaxDifference(Npy expected, double[] actual, double tolerance, String what) {
    assertEquals(expected.values().length, actual.length, what + " value count");
    double max = 0;
    for (int i = 0; i < actual.length; i++) {
      max = Math.max(max, Math.abs(actual[i] - expected.values()[i]));
    }
    assertTrue(max <= tolerance, what + ": max difference " + max + " > " + tolerance);
  }

  static double[] flatten(double[][] rows) {
    int columns = rows.length == 0 ? 0 : rows[0].length;
    double[] flat = new double[rows.length * columns];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * columns, columns);
    }
    return flat;
  }

  static double[] flatten(float[][][] patches) {
    int frames = VggishFrontEnd.PATCH_FRAMES;
    int bands = VggishFrontEnd.MEL_BANDS;
    double[] flat = new double[patches.length * frames * bands];
    int i = 0;
    for (float[][] patch : patches) {
      for (float[] frame : patch) {
        for (float value : frame) {
          flat[i++] = value;
        }
      }
    }
    return flat;
  }
}
