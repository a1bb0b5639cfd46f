package io.fld.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class BlasTest {

  @Test
  void sgemmHonorsRowOffsets() {
    float[] a = {9, 9, 1, 2, 3, 4};
    float[] b = {1, 0, 0, 1};
    float[] c = new float[4];

    Blas.sgemmTransposedB(2, 2, 2, 1f, a, 2, b, 0, 0f, c);

    assertArrayEquals(new float[] {1, 2, 3, 4}, c);
  }

  @Test
  void directSgemmHonorsRowOffsets() {
    FloatBuffer a = Blas.allocateDirect(6).put(new float[] {9, 9, 1, 2, 3, 4});
    FloatBuffer b = Blas.allocateDirect(6).put(new float[] {7, 7, 1, 0, 0, 1});
    FloatBuffer c = Blas.allocateDirect(4);

    Blas.sgemmTransposedB(2, 2, 2, 1f, a, 2, b, 2, 0f, c);

    float[] product = new float[4];
    c.get(0, product);
    assertArrayEquals(new float[] {1, 2, 3, 4}, product);
  }

  @Test
  void dsyrkFillsUpperTriangle() {
    double[] a = {1, 2, 3, 4, 5, 6};
    double[] c = {0, 0, -1, 0};

    Blas.dsyrkTransposedUpper(2, 3, 1.0, a, 0.0, c);

    assertArrayEquals(new double[] {35, 44, -1, 56}, c, 1e-12);
  }

  @Test
  void symmetricEigenvaluesAscend() {
    double[] a = {2, 1, 1, 2};

    double[] eigenvalues = Blas.symmetricEigen(a, 2, false);

    assertArrayEquals(new double[] {1, 3}, eigenvalues, 1e-12);
  }
}
