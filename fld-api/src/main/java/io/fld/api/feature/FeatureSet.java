package io.fld.api.feature;

import io.fld.api.InvalidInputException;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable matrix of {@code rows x dimension} float features, one row per sample, with the
 * provenance of the samples. Values are stored row-major; every value is finite.
 */
public final class FeatureSet {
  private final float[] data;
  private final int rows;
  private final int dimension;
  private final FeatureProvenance provenance;

  private FeatureSet(float[] data, int rows, int dimension, FeatureProvenance provenance) {
    this.data = data;
    this.rows = rows;
    this.dimension = dimension;
    this.provenance = provenance;
  }

  /**
   * Creates a feature set from row-major values, copying them.
   *
   * @throws InvalidInputException if the shape is empty or inconsistent, or a value is NaN or
   *     infinite; the message names the row and column
   */
  public static FeatureSet of(
      float[] rowMajor, int rows, int dimension, FeatureProvenance provenance) {
    return wrap(rowMajor.clone(), rows, dimension, provenance);
  }

  /**
   * Creates a feature set that takes ownership of {@code rowMajor}; the caller must not change the
   * array afterwards. Used by readers that allocate the array themselves.
   */
  public static FeatureSet wrap(
      float[] rowMajor, int rows, int dimension, FeatureProvenance provenance) {
    Objects.requireNonNull(rowMajor, "rowMajor");
    Objects.requireNonNull(provenance, "provenance");
    if (rows < 1 || dimension < 1) {
      throw new InvalidInputException(
          provenance.source()
              + ": a feature set needs at least one row and one column, got "
              + rows
              + " x "
              + dimension);
    }
    if ((long) rows * dimension != rowMajor.length) {
      throw new IllegalArgumentException(
          "shape " + rows + " x " + dimension + " does not match " + rowMajor.length + " values");
    }
    for (int i = 0; i < rowMajor.length; i++) {
      if (!Float.isFinite(rowMajor[i])) {
        throw new InvalidInputException(
            provenance.source()
                + ": value "
                + rowMajor[i]
                + " at row "
                + i / dimension
                + ", column "
                + i % dimension
                + " is not finite; remove or repair that sample before evaluating");
      }
    }
    return new FeatureSet(rowMajor, rows, dimension, provenance);
  }

  /** Creates a feature set from one array per row, copying them. */
  public static FeatureSet of(float[][] rowArrays, FeatureProvenance provenance) {
    Objects.requireNonNull(rowArrays, "rowArrays");
    int dimension = rowArrays.length == 0 ? 0 : rowArrays[0].length;
    float[] data = new float[rowArrays.length * dimension];
    for (int i = 0; i < rowArrays.length; i++) {
      if (rowArrays[i].length != dimension) {
        throw new InvalidInputException(
            provenance.source()
                + ": row "
                + i
                + " has "
                + rowArrays[i].length
                + " values but row 0 has "
                + dimension
                + "; every row needs the same dimension");
      }
      System.arraycopy(rowArrays[i], 0, data, i * dimension, dimension);
    }
    return wrap(data, rowArrays.length, dimension, provenance);
  }

  /** Creates a feature set from one array per row, with {@code source} as its provenance. */
  public static FeatureSet of(float[][] rowArrays, String source) {
    return of(rowArrays, FeatureProvenance.ofSource(source));
  }

  public int rows() {
    return rows;
  }

  public int dimension() {
    return dimension;
  }

  public FeatureProvenance provenance() {
    return provenance;
  }

  /** Returns the value at {@code row}, {@code column}. */
  public float get(int row, int column) {
    Objects.checkIndex(row, rows);
    Objects.checkIndex(column, dimension);
    return data[row * dimension + column];
  }

  /** Copies row {@code row} into {@code target} starting at {@code offset}. */
  public void copyRow(int row, float[] target, int offset) {
    Objects.checkIndex(row, rows);
    System.arraycopy(data, row * dimension, target, offset, dimension);
  }

  /** Returns a copy of row {@code row}. */
  public float[] row(int row) {
    float[] copy = new float[dimension];
    copyRow(row, copy, 0);
    return copy;
  }

  /** Returns a copy of all values, row-major. */
  public float[] toArray() {
    return data.clone();
  }

  /** Returns a read-only row-major view of the values, without copying them. */
  public FloatBuffer buffer() {
    return FloatBuffer.wrap(data).asReadOnlyBuffer();
  }

  /** Returns the rows at {@code indices}, in that order, with the same provenance. */
  public FeatureSet select(int[] indices) {
    float[] selected = new float[indices.length * dimension];
    for (int i = 0; i < indices.length; i++) {
      Objects.checkIndex(indices[i], rows);
      System.arraycopy(data, indices[i] * dimension, selected, i * dimension, dimension);
    }
    return new FeatureSet(selected, indices.length, dimension, provenance);
  }

  /** Returns the same values with another provenance. */
  public FeatureSet withProvenance(FeatureProvenance newProvenance) {
    return new FeatureSet(data, rows, dimension, Objects.requireNonNull(newProvenance));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FeatureSet that
        && rows == that.rows
        && dimension == that.dimension
        && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + dimension) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "FeatureSet[" + rows + " x " + dimension + ", " + provenance.source() + "]";
  }
}
