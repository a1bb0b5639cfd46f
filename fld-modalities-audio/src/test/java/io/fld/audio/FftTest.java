package io.fld.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fld.audio.dsp.Fft;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FftTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void matchesDirectDft() {
    int size = 512;
    Random random = new Random(7);
    double[] real = new double[size];
    double[] imaginary = new double[size];
    for (int i = 0; i < size; i++) {
      real[i] = random.nextGaussian();
      imaginary[i] = random.nextGaussian();
    }
    double[] expectedReal = new double[size];
    double[] expectedImaginary = new double[size];
    for (int k = 0; k < size; k++) {
      for (int n = 0; n < size; n++) {
        double angle = -2 * Math.PI * ((long) k * n % size) / size;
        expectedReal[k] += real[n] * Math.cos(angle) - imaginary[n] * Math.sin(angle);
        expectedImaginary[k] += real[n] * Math.sin(angle) + imaginary[n] * Math.cos(angle);
      }
    }

    new Fft(size).transform(real, imaginary);
    for (int k = 0; k < size; k++) {
      assertEquals(expectedReal[k], real[k], TOLERANCE, "real part of bin " + k);
      assertEquals(expectedImaginary[k], imaginary[k], TOLERANCE, "imaginary part of bin " + k);
    }
  }

  @Test
  void magnitudeOfCosineAtBin() {
    double[] frame = new double[400];
    for (int n = 0; n < frame.length; n++) {
      frame[n] = Math.cos(2 * Math.PI * 32 * n / 512.0);
    }
    double[] magnitudes = new Fft(512).magnitudeSpectrum(frame);
    assertEquals(257, magnitudes.length);
    int peak = 0;
    for (int k = 1; k < magnitudes.length; k++) {
      peak = magnitudes[k] > magnitudes[peak] ? k : peak;
    }
    assertEquals(32, peak);
  }

  @Test
  void rejectsNonPowerOfTwo() {
    assertThrows(IllegalArgumentException.class, () -> new Fft(400));
  }
}
