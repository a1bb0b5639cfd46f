package io.fld.audio.dsp;

/**
 * An in-place iterative radix-2 fast Fourier transform, with a helper for the magnitude spectrum of
 * a real frame.
 */
public final class Fft {
  private final int size;
  private final double[] cosines;
  private final double[] sines;
  private final int[] bitReversed;

  /**
   * Prepares transforms of {@code size} points.
   *
   * @throws IllegalArgumentException if {@code size} is not a power of two of at least 2
   */
  public Fft(int size) {
    if (size < 2 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + size);
    }
    this.size = size;
    this.cosines = new double[size / 2];
    this.sines = new double[size / 2];
    for (int k = 0; k < size / 2; k++) {
      double angle = -2 * Math.PI * k / size;
      cosines[k] = Math.cos(angle);
      sines[k] = Math.sin(angle);
    }
    this.bitReversed = bitReversalPermutation(size);
  }

  public int size() {
    return size;
  }

  /** Transforms {@code real} and {@code imaginary} in place (forward, no scaling). */
  public void transform(double[] real, double[] imaginary) {
    if (real.length != size || imaginary.length != size) {
      throw new IllegalArgumentException("FFT of size " + size + " needs arrays of that length");
    }
    permute(real, imaginary);

    for (int half = 1; half < size; half *= 2) {
      int twiddleStep = size / (2 * half);
      for (int start = 0; start < size; start += 2 * half) {
        for (int k = 0; k < half; k++) {
          butterfly(real, imaginary, start + k, start + k + half, k * twiddleStep);
        }
      }
    }
  }

  /**
   * Returns the magnitudes of the first {@code size / 2 + 1} bins of the transform of a real frame,
   * zero-padded to {@code size} points when shorter.
   */
  public double[] magnitudeSpectrum(double[] frame) {
    if (frame.length > size) {
      throw new IllegalArgumentException("frame of " + frame.length + " exceeds FFT size " + size);
    }
    double[] real = new double[size];
    double[] imaginary = new double[size];
    System.arraycopy(frame, 0, real, 0, frame.length);
    transform(real, imaginary);

    double[] magnitudes = new double[size / 2 + 1];
    for (int k = 0; k < magnitudes.length; k++) {
      magnitudes[k] = Math.hypot(real[k], imaginary[k]);
    }
    return magnitudes;
  }

  private void butterfly(double[] real, double[] imaginary, int top, int bottom, int twiddle) {
    double tr = real[bottom] * cosines[twiddle] - imaginary[bottom] * sines[twiddle];
    double ti = real[bottom] * sines[twiddle] + imaginary[bottom] * cosines[twiddle];
    real[bottom] = real[top] - tr;
    imaginary[bottom] = imaginary[top] - ti;
    real[top] += tr;
    imaginary[top] += ti;
  }

  private void permute(double[] real, double[] imaginary) {
    for (int i = 0; i < size; i++) {
      int j = bitReversed[i];
      if (j > i) {
        swap(real, i, j);
        swap(imaginary, i, j);
      }
    }
  }

  private static void swap(double[] values, int i, int j) {
    double kept = values[i];
    values[i] = values[j];
    values[j] = kept;
  }

  private static int[] bitReversalPermutation(int size) {
    int bits = Integer.numberOfTrailingZeros(size);
    int[] permutation = new int[size];
    for (int i = 0; i < size; i++) {
      permutation[i] = Integer.reverse(i) >>> (Integer.SIZE - bits);
    }
    return permutation;
  }
}
