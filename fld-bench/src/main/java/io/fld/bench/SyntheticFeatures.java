package io.fld.bench;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.util.SplittableRandom;

/**
 * Draws feature sets from a fixed mixture of isotropic Gaussians, the shape of real embeddings
 * without their cost. The generated set's centers are moved slightly, so that the metrics see a
 * model that is close to, but not equal to, the data.
 *
 * <p>The default of 10 components mimics the classes of CIFAR-10. One component gives data without
 * cluster structure, on which the k-NN kernels can skip nothing: their worst case.
 */
final class SyntheticFeatures {
  /** Mixture components of the standard case. */
  static final int DEFAULT_COMPONENTS = 10;

  private static final double CENTER_SPREAD = 1.0;
  private static final double NOISE = 0.5;
  private static final double GENERATOR_SHIFT = 0.05;

  private final int dimension;
  private final double[][] centers;

  SyntheticFeatures(int dimension, long seed) {
    this(dimension, DEFAULT_COMPONENTS, seed);
  }

  SyntheticFeatures(int dimension, int components, long seed) {
    if (components < 1) {
      throw new IllegalArgumentException("components must be at least 1, got " + components);
    }
    this.dimension = dimension;
    SplittableRandom random = new SplittableRandom(seed);
    centers = new double[components][dimension];
    for (double[] center : centers) {
      for (int j = 0; j < dimension; j++) {
        center[j] = CENTER_SPREAD * random.nextGaussian();
      }
    }
  }

  /** Draws {@code rows} real samples. */
  FeatureSet real(String name, int rows, long seed) {
    return draw(name, rows, seed, 0);
  }

  /** Draws {@code rows} samples of a slightly biased generator. */
  FeatureSet generated(String name, int rows, long seed) {
    return draw(name, rows, seed, GENERATOR_SHIFT);
  }

  private FeatureSet draw(String name, int rows, long seed, double shift) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] data = new float[rows * dimension];
    for (int i = 0; i < rows; i++) {
      double[] center = centers[random.nextInt(centers.length)];
      for (int j = 0; j < dimension; j++) {
        data[i * dimension + j] = (float) (center[j] + shift + NOISE * random.nextGaussian());
      }
    }
    return FeatureSet.wrap(data, rows, dimension, FeatureProvenance.ofSource("synthetic " + name));
  }
}
