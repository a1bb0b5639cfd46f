package io.fld.audio.dsp;

/**
 * Triangular mel filters on the HTK mel scale, {@code mel = 1127 ln(1 + hz / 700)}, applied to the
 * magnitude bins of a real FFT.
 *
 * <p>The band edges are equally spaced in mel between the lower and upper edge frequencies; band
 * {@code b} rises from edge {@code b} to its center, edge {@code b + 1}, and falls to edge {@code b
 * + 2}. The weight of each FFT bin is the smaller of the rising and falling slopes, clipped at
 * zero, evaluated at the bin's mel value. The DC bin gets no weight.
 */
public final class MelFilterBank {
  private static final double HTK_MEL_FACTOR = 1127.0;
  private static final double HTK_MEL_BREAK_HZ = 700.0;

  private final double[][] weights;

  /**
   * Builds the filters.
   *
   * @param spectrumBins the number of FFT bins from DC to Nyquist, {@code fftSize / 2 + 1}
   * @param bands the number of mel bands
   * @param sampleRate the sample rate of the analysed signal in Hz
   * @param lowerEdgeHz the lower edge of the lowest band in Hz
   * @param upperEdgeHz the upper edge of the highest band in Hz
   */
  public MelFilterBank(
      int spectrumBins, int bands, double sampleRate, double lowerEdgeHz, double upperEdgeHz) {
    double nyquist = sampleRate / 2;
    if (lowerEdgeHz < 0 || lowerEdgeHz >= upperEdgeHz || upperEdgeHz > nyquist) {
      throw new IllegalArgumentException(
          "mel edges must satisfy 0 <= lower < upper <= Nyquist ("
              + nyquist
              + " Hz), got "
              + lowerEdgeHz
              + " and "
              + upperEdgeHz);
    }
    double[] binMels = linspace(0, nyquist, spectrumBins);
    for (int k = 0; k < spectrumBins; k++) {
      binMels[k] = hertzToMel(binMels[k]);
    }
    double[] edges = linspace(hertzToMel(lowerEdgeHz), hertzToMel(upperEdgeHz), bands + 2);

    this.weights = new double[spectrumBins][bands];
    for (int b = 0; b < bands; b++) {
      fillBand(binMels, edges[b], edges[b + 1], edges[b + 2], b);
    }
    java.util.Arrays.fill(weights[0], 0.0);
  }

  /** Converts a frequency in Hz to HTK mel. */
  public static double hertzToMel(double hertz) {
    return HTK_MEL_FACTOR * Math.log(1.0 + hertz / HTK_MEL_BREAK_HZ);
  }

  /** Returns the number of FFT bins the filters read. */
  public int spectrumBins() {
    return weights.length;
  }

  /** Returns the number of mel bands. */
  public int bands() {
    return weights[0].length;
  }

  /** Returns a copy of the {@code spectrumBins x bands} weight matrix. */
  public double[][] matrix() {
    double[][] copy = new double[weights.length][];
    for (int k = 0; k < weights.length; k++) {
      copy[k] = weights[k].clone();
    }
    return copy;
  }

  /** Returns the band energies of one magnitude spectrum: {@code spectrum x matrix}. */
  public double[] apply(double[] spectrum) {
    if (spectrum.length != weights.length) {
      throw new IllegalArgumentException(
          "spectrum has " + spectrum.length + " bins, the filters expect " + weights.length);
    }
    double[] energies = new double[bands()];
    for (int k = 0; k < spectrum.length; k++) {
      double magnitude = spectrum[k];
      double[] row = weights[k];
      for (int b = 0; b < row.length; b++) {
        energies[b] += magnitude * row[b];
      }
    }
    return energies;
  }

  private void fillBand(double[] binMels, double lower, double center, double upper, int band) {
    for (int k = 0; k < binMels.length; k++) {
      double rising = (binMels[k] - lower) / (center - lower);
      double falling = (upper - binMels[k]) / (upper - center);
      weights[k][band] = Math.max(0.0, Math.min(rising, falling));
    }
  }

  /** Spaces {@code count} values evenly from {@code start} to exactly {@code stop}. */
  private static double[] linspace(double start, double stop, int count) {
    double[] values = new double[count];
    double step = (stop - start) / (count - 1);
    for (int i = 0; i < count; i++) {
      values[i] = start + i * step;
    }
    values[count - 1] = stop;
    return values;
  }
}
