package io.fld.api.sample;

import java.util.Objects;

/**
 * A mono audio clip.
 *
 * @param samples the waveform in [-1, 1]
 * @param sampleRate samples per second
 */
public record AudioClip(float[] samples, int sampleRate) {
  public AudioClip {
    Objects.requireNonNull(samples, "samples");
    if (sampleRate < 1) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
    }
  }

  /** Returns the duration in seconds. */
  public double seconds() {
    return samples.length / (double) sampleRate;
  }
}
