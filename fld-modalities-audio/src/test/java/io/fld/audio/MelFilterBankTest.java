package io.fld.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.audio.dsp.MelFilterBank;
import io.fld.audio.dsp.VggishFrontEnd;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MelFilterBankTest {
  private static final double MATRIX_TOLERANCE = 1e-9;

  @Test
  void matrixMatchesReference() throws IOException {
    Npy expected = Npy.resource("mel_matrix_257x64.npy");
    double[][] matrix = new VggishFrontEnd().melFilters().matrix();
    assertEquals(257, expected.shape()[0]);
    assertEquals(64, expected.shape()[1]);
    assertEquals(257, matrix.length);

    double max = 0;
    for (int k = 0; k < 257; k++) {
      for (int b = 0; b < 64; b++) {
        max = Math.max(max, Math.abs(matrix[k][b] - expected.at(k, b, 64)));
      }
    }
    assertTrue(max <= MATRIX_TOLERANCE, "max difference " + max);
  }

  @Test
  void dcBinHasNoWeight() {
    double[][] matrix = new VggishFrontEnd().melFilters().matrix();
    for (int b = 0; b < 64; b++) {
      assertEquals(0.0, matrix[0][b]);
    }
  }

  @Test
  void htkMelOfThousandHertz() {
    assertEquals(1127.0 * Math.log(1 + 1000.0 / 700.0), MelFilterBank.hertzToMel(1000), 1e-12);
  }
}
