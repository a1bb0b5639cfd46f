package io.fld.audio.dsp;

/**
 * The VGGish log-mel front end at 16 kHz.
 *
 * <p>Frames of 25 ms (400 samples) every 10 ms (160 samples) are weighted by a periodic Hann
 * window; each frame's 512-point FFT magnitude is mapped to 64 HTK-mel bands from 125 to 7500 Hz,
 * and the result is {@code ln(mel + 0.01)}. A trailing incomplete frame is dropped. Examples are
 * non-overlapping patches of 96 frames (0.96 s), and a trailing incomplete patch is dropped too.
 * Instances are immutable and safe to share between threads.
 */
public final class VggishFrontEnd {
  /** The sample rate the front end reads, in Hz. */
  public static final int SAMPLE_RATE = 16_000;

  /** Samples per analysis frame (25 ms). */
  public static final int WINDOW_SAMPLES = 400;

  /** Samples between the starts of consecutive frames (10 ms). */
  public static final int HOP_SAMPLES = 160;

  /** FFT points: the smallest power of two holding a frame. */
  public static final int FFT_SIZE = 512;

  /** Mel bands per frame. */
  public static final int MEL_BANDS = 64;

  /** Lower edge of the lowest mel band, in Hz. */
  public static final double LOWER_EDGE_HZ = 125.0;

  /** Upper edge of the highest mel band, in Hz. */
  public static final double UPPER_EDGE_HZ = 7500.0;

  /** Added to the mel energies before the logarithm, so silence maps to {@code ln(0.01)}. */
  public static final double LOG_OFFSET = 0.01;

  /** Frames per example patch (0.96 s). */
  public static final int PATCH_FRAMES = 96;

  /** The minimum number of samples that yield one complete patch: 15600, or 0.975 s. */
  public static final int MIN_PATCH_SAMPLES = WINDOW_SAMPLES + (PATCH_FRAMES - 1) * HOP_SAMPLES;

  private final Fft fft = new Fft(FFT_SIZE);
  private final MelFilterBank melFilters =
      new MelFilterBank(FFT_SIZE / 2 + 1, MEL_BANDS, SAMPLE_RATE, LOWER_EDGE_HZ, UPPER_EDGE_HZ);
  private final double[] window = periodicHann(WINDOW_SAMPLES);

  /** Returns the mel filters, {@code 257 x 64}. */
  public MelFilterBank melFilters() {
    return melFilters;
  }

  /** Returns the number of complete frames in {@code sampleCount} samples. */
  public static int frameCount(int sampleCount) {
    if (sampleCount < WINDOW_SAMPLES) {
      return 0;
    }
    return 1 + (sampleCount - WINDOW_SAMPLES) / HOP_SAMPLES;
  }

  /** Computes the {@code frames x 64} log-mel spectrogram of a 16 kHz waveform. */
  public double[][] logMel(double[] waveform) {
    int frames = frameCount(waveform.length);
    double[][] logMel = new double[frames][];
    double[] frame = new double[WINDOW_SAMPLES];
    for (int f = 0; f < frames; f++) {
      logMel[f] = logMelFrame(waveform, f, frame);
    }
    return logMel;
  }

  /** Computes the log-mel bands of frame {@code f}, using {@code frame} as scratch space. */
  private double[] logMelFrame(double[] waveform, int f, double[] frame) {
    int start = f * HOP_SAMPLES;
    for (int i = 0; i < WINDOW_SAMPLES; i++) {
      frame[i] = waveform[start + i] * window[i];
    }
    double[] mel = melFilters.apply(fft.magnitudeSpectrum(frame));
    for (int b = 0; b < mel.length; b++) {
      mel[b] = Math.log(mel[b] + LOG_OFFSET);
    }
    return mel;
  }

  /** Cuts a log-mel spectrogram into {@code patches x 96 x 64} float examples. */
  public static float[][][] patches(double[][] logMel) {
    int count = logMel.length / PATCH_FRAMES;
    float[][][] patches = new float[count][PATCH_FRAMES][];
    for (int p = 0; p < count; p++) {
      for (int f = 0; f < PATCH_FRAMES; f++) {
        double[] source = logMel[p * PATCH_FRAMES + f];
        float[] target = new float[source.length];
        for (int b = 0; b < source.length; b++) {
          target[b] = (float) source[b];
        }
        patches[p][f] = target;
      }
    }
    return patches;
  }

  /**
   * Computes the example patches of a 16 kHz waveform. The result equals {@code
   * patches(logMel(waveform))}, but frames are converted to float one at a time, so the double
   * spectrogram of the whole clip is never held, and frames after the last full patch are skipped.
   */
  public float[][][] examples(double[] waveform) {
    int count = frameCount(waveform.length) / PATCH_FRAMES;
    float[][][] patches = new float[count][PATCH_FRAMES][];
    double[] frame = new double[WINDOW_SAMPLES];
    for (int p = 0; p < count; p++) {
      for (int f = 0; f < PATCH_FRAMES; f++) {
        patches[p][f] = toFloat(logMelFrame(waveform, p * PATCH_FRAMES + f, frame));
      }
    }
    return patches;
  }

  private static float[] toFloat(double[] values) {
    float[] result = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (float) values[i];
    }
    return result;
  }

  /** Returns the periodic Hann window {@code 0.5 - 0.5 cos(2 pi n / length)}. */
  static double[] periodicHann(int length) {
    double[] window = new double[length];
    for (int n = 0; n < length; n++) {
      window[n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / length);
    }
    return window;
  }
}
