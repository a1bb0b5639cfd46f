package io.fld.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fld.audio.dsp.KaiserSincResampler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KaiserSincResamplerTest {
  private static final int TARGET_RATE = 16_000;
  private static final double TONE_HZ = 440;
  private static final double AMPLITUDE = 0.5;
  private static final double SECONDS = 2;
  private static final double RELATIVE_TOLERANCE = 0.01;

  /** Filter length in output samples at each end, excluded from the measurement. */
  private static final int EDGE_SAMPLES = 2_000;

  private final KaiserSincResampler resampler = new KaiserSincResampler();

  @ParameterizedTest
  @ValueSource(ints = {8_000, 22_050, 44_100, 48_000})
  void toneKeepsFrequencyAndRms(int sampleRate) {
    double[] tone = tone(sampleRate);
    double[] output = resampler.resample(tone, sampleRate, TARGET_RATE);
    assertEquals((int) ((long) tone.length * TARGET_RATE / sampleRate), output.length, "length");

    double[] middle =
        java.util.Arrays.copyOfRange(output, EDGE_SAMPLES, output.length - EDGE_SAMPLES);
    assertEquals(TONE_HZ, zeroCrossingFrequency(middle, TARGET_RATE), TONE_HZ * RELATIVE_TOLERANCE);
    double expectedRms = AMPLITUDE / Math.sqrt(2);
    assertEquals(expectedRms, rms(middle), expectedRms * RELATIVE_TOLERANCE);
  }

  @ParameterizedTest
  @ValueSource(ints = {16_000})
  void equalRatesCopy(int sampleRate) {
    double[] tone = tone(sampleRate);
    assertArrayEquals(tone, resampler.resample(tone, sampleRate, sampleRate));
  }

  @ParameterizedTest
  @ValueSource(ints = {16_000, 22_050, 48_000})
  void floatInputMatchesWidenedInput(int sampleRate) {
    double[] tone = tone(sampleRate);
    float[] narrow = new float[tone.length];
    double[] widened = new double[tone.length];
    for (int i = 0; i < tone.length; i++) {
      narrow[i] = (float) tone[i];
      widened[i] = narrow[i];
    }
    assertArrayEquals(
        resampler.resample(widened, sampleRate, TARGET_RATE),
        resampler.resample(narrow, sampleRate, TARGET_RATE));
  }

  private static double[] tone(int sampleRate) {
    double[] samples = new double[(int) (SECONDS * sampleRate)];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = AMPLITUDE * Math.sin(2 * Math.PI * TONE_HZ * i / sampleRate);
    }
    return samples;
  }

  /** Estimates the frequency from upward zero crossings, located by linear interpolation. */
  private static double zeroCrossingFrequency(double[] signal, int sampleRate) {
    double first = -1;
    double last = -1;
    int crossings = 0;
    for (int i = 1; i < signal.length; i++) {
      if (signal[i - 1] < 0 && signal[i] >= 0) {
        double position = i - 1 + signal[i - 1] / (signal[i - 1] - signal[i]);
        if (first < 0) {
          first = position;
        }
        last = position;
        crossings++;
      }
    }
    return (crossings - 1) * sampleRate / (last - first);
  }

  private static double rms(double[] signal) {
    double sum = 0;
    for (double value : signal) {
      sum += value * value;
    }
    return Math.sqrt(sum / signal.length);
  }
}
