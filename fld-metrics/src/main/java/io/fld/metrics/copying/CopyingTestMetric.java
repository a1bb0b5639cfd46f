package io.fld.metrics.copying;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.OptionSpec;
import io.fld.api.metric.Role;
import io.fld.core.linalg.Moments;
import io.fld.core.linalg.NearestNeighbors;
import io.fld.core.linalg.Points;
import io.fld.metrics.support.Inputs;
import io.fld.metrics.support.Provider;
import io.fld.metrics.support.ResultBuilder;
import io.fld.metrics.support.Scales;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The C_T data-copying test. The training rows are partitioned into cells by k-means (after a
 * projection onto their leading principal components when the features have more dimensions than
 * that). In each cell, the distances of the generated rows to their nearest training row of the
 * cell are compared with those of the test rows by a z-scored Mann-Whitney U statistic; C_T is the
 * average of the cell z-scores weighted by the share of test rows per cell, over the cells that
 * hold more than {@value #MINIMUM_GEN_ROWS} generated rows. Strongly negative values mean that
 * generated rows sit closer to the training rows than fresh real rows do: copying.
 */
public final class CopyingTestMetric implements Metric {
  /** Option: the dimension of the principal-component projection. */
  public static final String PCA_DIMENSIONS = "pca-dims";

  /** Option: the number of k-means cells. */
  public static final String CELLS = "cells";

  /** Option: the number of k-means restarts. */
  public static final String RESTARTS = "restarts";

  static final int DEFAULT_PCA_DIMENSIONS = 64;
  static final int DEFAULT_CELLS = 3;
  static final int DEFAULT_RESTARTS = 10;

  /**
   * The maximum number of k-means cells. Every Lloyd iteration compares each row with each
   * centroid, so time grows linearly with the cells, and a cell counts only with more than {@value
   * #MINIMUM_GEN_ROWS} generated rows, so 1000 cells already need over 20000 generated rows.
   */
  static final int MAX_CELLS = 1000;

  /**
   * The maximum number of k-means restarts. Each runs a whole clustering, so time grows linearly
   * with them.
   */
  static final int MAX_RESTARTS = 1000;

  /**
   * A cell counts when it contains more than this many generated rows: the threshold tau = 20 / m
   * on the cell's share of the m generated rows.
   */
  static final int MINIMUM_GEN_ROWS = 20;

  static final int MAX_ITERATIONS = 300;
  private static final String ID = "ct";

  private static final List<OptionSpec> OPTIONS =
      List.of(
          new OptionSpec(
              PCA_DIMENSIONS,
              "int",
              String.valueOf(DEFAULT_PCA_DIMENSIONS),
              "features with more dimensions are projected onto this many principal components"
                  + " of the training set"),
          new OptionSpec(
              CELLS,
              "int",
              String.valueOf(DEFAULT_CELLS),
              "number of k-means cells, at most " + MAX_CELLS),
          new OptionSpec(
              RESTARTS,
              "int",
              String.valueOf(DEFAULT_RESTARTS),
              "k-means restarts, at most "
                  + MAX_RESTARTS
                  + "; the clustering with the lowest inertia is kept"));

  private final int pcaDimensions;
  private final int cells;
  private final int restarts;
  private final long seed;

  private CopyingTestMetric(MetricOptions options) {
    this.pcaDimensions =
        Inputs.integerOption(
            ID, options, PCA_DIMENSIONS, DEFAULT_PCA_DIMENSIONS, 1, Integer.MAX_VALUE);
    this.cells = Inputs.integerOption(ID, options, CELLS, DEFAULT_CELLS, 1, MAX_CELLS);
    this.restarts = Inputs.integerOption(ID, options, RESTARTS, DEFAULT_RESTARTS, 1, MAX_RESTARTS);
    this.seed = options.seed();
  }

  /** Returns the provider of {@code ct}. */
  public static MetricProvider provider() {
    return new Provider(
        ID,
        "C_T data-copying test: z-scored distances to the training set, generated against test",
        OPTIONS,
        CopyingTestMetric::new);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<Role> requiredSets() {
    return EnumSet.allOf(Role.class);
  }

  @Override
  public void checkInputs(FeatureSet train, FeatureSet test, FeatureSet gen) {
    Inputs.require(ID, Role.TRAIN, train);
    Inputs.require(ID, Role.TEST, test);
    Inputs.require(ID, Role.GEN, gen);
    Inputs.requireSameDimension(Role.TRAIN, train, Role.TEST, test);
    Inputs.requireSameDimension(Role.TRAIN, train, Role.GEN, gen);
    Inputs.requireRows(Role.TRAIN, train, Math.max(cells, 2), "for " + cells + " cells");
    Inputs.requireRows(
        Role.GEN,
        gen,
        MINIMUM_GEN_ROWS + 1,
        "because a k-means cell counts only with more than " + MINIMUM_GEN_ROWS + " of them");
    Scales.requireComparable(
        Moments.mean(train), Map.of(Role.TRAIN, train, Role.TEST, test, Role.GEN, gen));
  }

  @Override
  public MetricResult compute(FeatureSet train, FeatureSet test, FeatureSet gen) {
    checkInputs(train, test, gen);

    PrincipalComponents projection =
        train.dimension() > pcaDimensions
            ? PrincipalComponents.fit(train, pcaDimensions)
            : PrincipalComponents.centering(Moments.mean(train));
    int p = projection.components();
    double[] trainValues = projection.project(train);
    double[] testValues = projection.project(test);
    double[] genValues = projection.project(gen);

    KMeans.Clustering clustering =
        KMeans.fit(
            trainValues,
            train.rows(),
            p,
            cells,
            restarts,
            MAX_ITERATIONS,
            new SplittableRandom(seed));
    int[] trainCells = clustering.labels();
    int[] testCells = clustering.assign(testValues, test.rows());
    int[] genCells = clustering.assign(genValues, gen.rows());
    checkCells(trainCells, Role.TRAIN);
    checkCells(testCells, Role.TEST);

    double scale = Points.commonScale(trainValues, testValues, genValues);
    double weightedSum = 0;
    double weightSum = 0;
    int[] testCounts = counts(testCells);
    int[] genCounts = counts(genCells);
    for (int cell = 0; cell < cells; cell++) {
      if (genCounts[cell] <= MINIMUM_GEN_ROWS) {
        continue;
      }
      Points cellTrain = rowsInCell(trainValues, trainCells, cell, p, scale);
      Points cellTest = rowsInCell(testValues, testCells, cell, p, scale);
      Points cellGen = rowsInCell(genValues, genCells, cell, p, scale);
      // The projection and the cells can leave rows smaller than the raw sets were, so each cell
      // is checked again before its distances.
      Scales.requireComparable(
          Map.of(Role.TRAIN, cellTrain, Role.TEST, cellTest, Role.GEN, cellGen),
          Map.of(Role.TRAIN, train, Role.TEST, test, Role.GEN, gen),
          " in k-means cell " + cell);
      double[] testDistances = nearestDistances(cellTest, cellTrain);
      double[] genDistances = nearestDistances(cellGen, cellTrain);
      double testShare = (double) testCounts[cell] / test.rows();
      weightedSum += testShare * MannWhitney.zScore(genDistances, testDistances);
      weightSum += testShare;
    }
    if (weightSum == 0) {
      throw new InvalidInputException(
          "no k-means cell contains more than "
              + MINIMUM_GEN_ROWS
              + " of the "
              + gen.rows()
              + " generated rows; provide more generated rows"
              + (cells > 1 ? " or set " + CELLS + " lower" : ""));
    }

    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(PCA_DIMENSIONS, String.valueOf(pcaDimensions));
    parameters.put(CELLS, String.valueOf(cells));
    parameters.put(RESTARTS, String.valueOf(restarts));
    return new ResultBuilder(ID, seed, parameters)
        .input(Role.TRAIN, train, train.rows())
        .input(Role.TEST, test, test.rows())
        .input(Role.GEN, gen, gen.rows())
        .build(weightedSum / weightSum);
  }

  private void checkCells(int[] labels, Role role) {
    int[] counts = counts(labels);
    List<String> empty = new ArrayList<>();
    for (int cell = 0; cell < cells; cell++) {
      if (counts[cell] == 0) {
        empty.add(String.valueOf(cell));
      }
    }
    if (empty.isEmpty()) {
      return;
    }
    throw new InvalidInputException(
        (empty.size() == 1 ? "k-means cell " : "k-means cells ")
            + Inputs.listFirst(empty)
            + " of "
            + cells
            + (empty.size() == 1 ? " contains" : " contain")
            + " no "
            + role.label()
            + " row, so "
            + (empty.size() == 1 ? "that cell" : "those cells")
            + " cannot be tested; set "
            + CELLS
            + " lower than "
            + cells);
  }

  private int[] counts(int[] labels) {
    int[] counts = new int[cells];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  private static Points rowsInCell(
      double[] values, int[] labels, int cell, int dimension, double scale) {
    int count = 0;
    for (int label : labels) {
      count += label == cell ? 1 : 0;
    }
    double[] selected = new double[count * dimension];
    int next = 0;
    for (int row = 0; row < labels.length; row++) {
      if (labels[row] == cell) {
        System.arraycopy(values, row * dimension, selected, next * dimension, dimension);
        next++;
      }
    }
    return Points.of(selected, count, dimension, scale);
  }

  private static double[] nearestDistances(Points queries, Points references) {
    return NearestNeighbors.nearest(queries, references, 1).squaredDistancesAt(0);
  }
}
