package io.fld.metrics.copying;

import io.fld.api.feature.FeatureSet;
import io.fld.core.linalg.Blas;
import io.fld.core.linalg.Moments;

/**
 * A projection onto the leading principal components of a fitted set: rows are centered on the
 * set's mean and multiplied by the eigenvectors of its covariance with the largest eigenvalues.
 */
public final class PrincipalComponents {
  private static final int BLOCK_ROWS = 1024;

  private final double[] mean;
  private final double[] basis;
  private final int dimension;
  private final int components;

  private PrincipalComponents(double[] mean, double[] basis, int dimension, int components) {
    this.mean = mean;
    this.basis = basis;
    this.dimension = dimension;
    this.components = components;
  }

  /**
   * Fits the {@code components} leading principal components of {@code set}.
   *
   * @throws IllegalArgumentException unless {@code 1 <= components <= set.dimension()}
   */
  public static PrincipalComponents fit(FeatureSet set, int components) {
    int dimension = set.dimension();
    if (components < 1 || components > dimension) {
      throw new IllegalArgumentException(
          "components must lie in [1, " + dimension + "], got " + components);
    }
    Moments moments = Moments.of(set);
    double[] vectors = moments.covariance().clone();
    Blas.symmetricEigen(vectors, dimension, true);

    // Eigenvalues ascend, so the leading components are the last columns.
    double[] basis = new double[dimension * components];
    for (int i = 0; i < dimension; i++) {
      for (int component = 0; component < components; component++) {
        basis[i * components + component] = vectors[i * dimension + dimension - 1 - component];
      }
    }
    return new PrincipalComponents(moments.mean(), basis, dimension, components);
  }

  /** Returns the identity projection that only centers rows on {@code mean}. */
  public static PrincipalComponents centering(double[] mean) {
    int dimension = mean.length;
    double[] basis = new double[dimension * dimension];
    for (int i = 0; i < dimension; i++) {
      basis[i * dimension + i] = 1;
    }
    return new PrincipalComponents(mean.clone(), basis, dimension, dimension);
  }

  /** Returns the number of output columns. */
  public int components() {
    return components;
  }

  /** Projects every row of {@code set}, returning row-major {@code rows x components} values. */
  public double[] project(FeatureSet set) {
    int rows = set.rows();
    double[] projected = new double[Math.multiplyExact(rows, components)];
    double[] block = new double[Math.min(BLOCK_ROWS, rows) * dimension];
    double[] blockOut = new double[Math.min(BLOCK_ROWS, rows) * components];
    float[] row = new float[dimension];
    for (int first = 0; first < rows; first += BLOCK_ROWS) {
      int count = Math.min(BLOCK_ROWS, rows - first);
      for (int i = 0; i < count; i++) {
        set.copyRow(first + i, row, 0);
        for (int column = 0; column < dimension; column++) {
          block[i * dimension + column] = row[column] - mean[column];
        }
      }
      Blas.dgemm(count, components, dimension, 1.0, block, basis, 0.0, blockOut);
      System.arraycopy(blockOut, 0, projected, first * components, count * components);
    }
    return projected;
  }
}
