package io.fld.core.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Compares every kernel of {@link NearestNeighbors} with a brute-force search in double precision
 * on random data shaped to be hard for it: duplicates, ties, tight clusters far from the mean,
 * outliers, subspaces, integer features and extreme feature scales. Neighbour lists must match
 * exactly, indices included, because the kernels order ties by index, and membership must match
 * exactly too. The environment variables {@code KNN_FUZZ_CASES} and {@code KNN_FUZZ_SEED} set how
 * many seeds run and the first one, for longer searches than the default.
 */
class NearestNeighborsDifferentialTest {
  private static final int[] DIMENSIONS = {1, 2, 3, 8, 64, 768};
  private static final int[] COUNTS = {1, 4, 10, 50};
  private static final int[] ROW_COUNTS = {
    2, 3, 5, 12, 51, 400, 1023, 1024, 1025, 1500, 2049, 3000, 5000
  };

  /**
   * Relative gap between a distance and a radius within which a membership disagreement is reported
   * as marginal, a rounding case, and not as a gross error. Both fail the test.
   */
  private static final double MEMBERSHIP_MARGIN = 1e-6;

  /** Largest {@code rows^2 * dimension} of one case, which bounds the brute-force time. */
  private static final double MAX_WORK = 4e8;

  @Test
  void kernelsMatchBruteForce() {
    int cases = Integer.parseInt(System.getenv().getOrDefault("KNN_FUZZ_CASES", "40"));
    long firstSeed = Long.parseLong(System.getenv().getOrDefault("KNN_FUZZ_SEED", "1"));
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (long seed = firstSeed; seed < firstSeed + cases; seed++) {
      checked += runCase(seed, failures) ? 1 : 0;
    }
    failures.forEach(System.out::println);
    // Cases whose points the cell partition rejects check nothing, so most must be accepted.
    assertTrue(checked >= cases / 2, "only " + checked + " of " + cases + " cases checked");
    assertTrue(failures.isEmpty(), failures.size() + " disagreements, first: " + failures);
  }

  /** Runs the case of {@code seed}, and returns false when its points are rejected. */
  private static boolean runCase(long seed, List<String> failures) {
    SplittableRandom random = new SplittableRandom(seed);
    int dimension = DIMENSIONS[random.nextInt(DIMENSIONS.length)];
    int rows = ROW_COUNTS[random.nextInt(ROW_COUNTS.length)];
    while ((double) rows * rows * dimension > MAX_WORK) {
      rows /= 2;
    }
    rows = Math.max(rows, 2);
    int queryRows = Math.max(1, ROW_COUNTS[random.nextInt(ROW_COUNTS.length)] / 2);
    while ((double) queryRows * rows * dimension > MAX_WORK) {
      queryRows /= 2;
    }
    queryRows = Math.max(queryRows, 1);
    int count = COUNTS[random.nextInt(COUNTS.length)];
    Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
    double featureScale = pickFeatureScale(random);

    float[] references = shape.generate(random, rows, dimension, featureScale);
    float[] queries =
        queriesNear(random, references, rows, queryRows, dimension, shape, featureScale);
    String label =
        "seed "
            + seed
            + " "
            + shape
            + " rows "
            + rows
            + " queries "
            + queryRows
            + " dimension "
            + dimension
            + " k "
            + count
            + " scale "
            + featureScale;
    FeatureSet referenceSet = wrap(references, rows, dimension);
    FeatureSet querySet = wrap(queries, queryRows, dimension);
    double[] origin = Moments.mean(referenceSet);
    double scale = Points.commonScale(origin, referenceSet, querySet);
    Points referencePoints = Points.centered(referenceSet, null, origin, scale);
    Points queryPoints = Points.centered(querySet, null, origin, scale);
    try {
      CellPartition.of(referencePoints);
      CellPartition.of(queryPoints);
    } catch (IllegalArgumentException rejected) {
      System.out.println("seed " + seed + " rejected: " + rejected.getMessage());
      return false;
    }

    int othersCount = Math.min(count, rows - 1);
    Neighbors expectedOthers = bruteForce(referencePoints, referencePoints, othersCount, true);
    Neighbors others = NearestNeighbors.nearestOthers(referencePoints, othersCount);
    checkNeighbors(label + " nearestOthers", expectedOthers, others, failures);

    int nearestCount = Math.min(count, rows);
    Neighbors nearest = NearestNeighbors.nearest(queryPoints, referencePoints, nearestCount);
    checkNeighbors(
        label + " nearest",
        bruteForce(queryPoints, referencePoints, nearestCount, false),
        nearest,
        failures);

    double[] radii = new double[rows];
    for (int row = 0; row < rows; row++) {
      boolean zero = random.nextInt(8) == 0;
      radii[row] = zero ? 0 : expectedOthers.squaredDistance(row, othersCount - 1);
    }
    checkMembership(label + " insideAnyBall", queryPoints, referencePoints, radii, failures);
    checkMembership(
        label + " insideAnyBall self", referencePoints, referencePoints, radii, failures);
    return true;
  }

  private static double pickFeatureScale(SplittableRandom random) {
    int draw = random.nextInt(10);
    if (draw == 0) {
      return 1e-20;
    }
    if (draw == 1) {
      return 1e20;
    }
    return 1;
  }

  /** Data shapes that stress ties, rounding and the cell bounds. */
  enum Shape {
    GAUSSIAN {
      @Override
      float[] generate(SplittableRandom random, int rows, int dimension, double scale) {
        float[] values = new float[rows * dimension];
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) (scale * random.nextGaussian());
        }
        return values;
      }
    },
    DUPLICATES {
      @Override
      float[] generate(SplittableRandom random, int rows, int dimension, double scale) {
        int distinct = 1 + random.nextInt(Math.max(1, rows / (1 + random.nextInt(100))));
        float[][] bases = new float[distinct][dimension];
        for (float[] base : bases) {
          for (int column = 0; column < dimension; column++) {
            base[column] = (float) (scale * (1e4 + random.nextGaussian()));
          }
        }
        float[] values = new float[rows * dimension];
        for (int row = 0; row < rows; row++) {
          System.arraycopy(bases[random.nextInt(distinct)], 0, values, row * dimension, dimension);
        }
        return values;
      }
    },
    INTEGERS {
      @Override
      float[] generate(SplittableRandom random, int rows, int dimension, double scale) {
        int range = 1 + random.nextInt(4);
        float[] values = new float[rows * dimension];
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) (scale * random.nextInt(range));
        }
        return values;
      }
    },
    TIGHT_FAR_CLUSTERS {
      @Override
      float[] generate(SplittableRandom random, int rows, int dimension, double scale) {
        double spread = random.nextBoolean() ? 1e-3 : 1e-1;
        float[] values = new float[rows * dimension];
        for (int row = 0; row < rows; row++) {
          double side = row % 2 == 0 ? 1e4 : -1e4;
          for (int column = 0; column < dimension; column++) {
            values[row * dimension + column] =
                (float) (scale * (side + spread * random.nextGaussian()));
          }
        }
        return values;
      }
    },
    TIGHT_CLUSTER_WITH_OUTLIERS {
      @Override
      float[] generate(SplittableRandom random, int rows, int dimension, double scale) {
        float[] values = new float[rows * dimension];
        int outliers = 1 + random.nextInt(Math.max(1, rows / 20));
        for (int row = 0; row < rows; row++) {
          boolean outlier = row < outliers;
          for (int column = 0; column < dimension; column++) {
            double value =
                outlier ? 1e3 * random.nextGaussian() : 1e4 + 1e-3 * random.nextGaussian();
            values[row * dimension + column] = (float) (scale * value);
          }
        }
        return values;
      }
    },
    MIXED_CLUSTERS {
      @Override
      float[] generate(SplittableRandom random, int rows, int dimension, double scale) {
        int clusters = 1 + random.nextInt(6);
        double[][] centers = new double[clusters][dimension];
        double[] spreads = new double[clusters];
        for (int cluster = 0; cluster < clusters; cluster++) {
          spreads[cluster] = Math.pow(10, -3 + 5 * random.nextDouble());
          for (int column = 0; column < dimension; column++) {
            centers[cluster][column] = 1e3 * random.nextGaussian();
          }
        }
        float[] values = new float[rows * dimension];
        for (int row = 0; row < rows; row++) {
          // Cluster 0 takes most rows, so sizes differ widely.
          int cluster = random.nextInt(4) == 0 ? random.nextInt(clusters) : 0;
          for (int column = 0; column < dimension; column++) {
            double value = centers[cluster][column] + spreads[cluster] * random.nextGaussian();
            values[row * dimension + column] = (float) (scale * value);
          }
        }
        return values;
      }
    },
    SUBSPACE {
      @Override
      float[] generate(SplittableRandom random, int rows, int dimension, double scale) {
        int rank = 1 + random.nextInt(Math.min(3, dimension));
        double[][] basis = new double[rank][dimension];
        for (double[] vector : basis) {
          for (int column = 0; column < dimension; column++) {
            vector[column] = random.nextGaussian();
          }
        }
        float[] values = new float[rows * dimension];
        for (int row = 0; row < rows; row++) {
          double[] coefficients = new double[rank];
          for (int r = 0; r < rank; r++) {
            coefficients[r] = random.nextInt(5) == 0 ? 0 : random.nextGaussian();
          }
          for (int column = 0; column < dimension; column++) {
            double value = 50;
            for (int r = 0; r < rank; r++) {
              value += coefficients[r] * basis[r][column];
            }
            values[row * dimension + column] = (float) (scale * value);
          }
        }
        return values;
      }
    };

    abstract float[] generate(SplittableRandom random, int rows, int dimension, double scale);
  }

  /** Returns queries that copy, perturb or fall between reference rows, or lie far away. */
  private static float[] queriesNear(
      SplittableRandom random,
      float[] references,
      int rows,
      int queryRows,
      int dimension,
      Shape shape,
      double featureScale) {
    float[] queries = new float[queryRows * dimension];
    float[] fresh = shape.generate(random, queryRows, dimension, featureScale);
    for (int query = 0; query < queryRows; query++) {
      int kind = random.nextInt(4);
      int source = random.nextInt(rows);
      int other = random.nextInt(rows);
      for (int column = 0; column < dimension; column++) {
        float a = references[source * dimension + column];
        float b = references[other * dimension + column];
        float value;
        if (kind == 0) {
          value = a;
        } else if (kind == 1) {
          value = Math.nextUp(a);
        } else if (kind == 2) {
          value = (float) (0.5 * ((double) a + b));
        } else {
          value = (float) (a + Math.abs(a) * 1e-3 * random.nextGaussian());
        }
        queries[query * dimension + column] = value;
      }
      if (kind == 3 && random.nextInt(4) == 0) {
        System.arraycopy(fresh, query * dimension, queries, query * dimension, dimension);
      }
    }
    return queries;
  }

  private static FeatureSet wrap(float[] values, int rows, int dimension) {
    return FeatureSet.wrap(values, rows, dimension, FeatureProvenance.ofSource("differential"));
  }

  /**
   * Returns, per query row, the {@code count} nearest reference rows by brute force, ordered by
   * exact squared distance and then by index, as the kernels order them.
   */
  private static Neighbors bruteForce(
      Points queries, Points references, int count, boolean skipSelf) {
    int[] indices = new int[queries.rows() * count];
    double[] distances = new double[queries.rows() * count];
    IntStream.range(0, queries.rows())
        .parallel()
        .forEach(
            row -> {
              int base = row * count;
              int size = 0;
              for (int j = 0; j < references.rows(); j++) {
                if (skipSelf && j == row) {
                  continue;
                }
                double distance = queries.exactSquaredDistance(row, references, j);
                if (size == count && distance >= distances[base + count - 1]) {
                  continue;
                }
                // Insertion into the sorted prefix: a later index never passes an equal distance.
                int slot = size < count ? size++ : count - 1;
                while (slot > 0 && distances[base + slot - 1] > distance) {
                  distances[base + slot] = distances[base + slot - 1];
                  indices[base + slot] = indices[base + slot - 1];
                  slot--;
                }
                distances[base + slot] = distance;
                indices[base + slot] = j;
              }
            });
    return new Neighbors(queries.rows(), count, indices, distances);
  }

  /**
   * Adds to {@code failures} a line on the rows whose neighbours differ from {@code expected}:
   * their count, the largest ratio of a returned to an expected distance, the first such row, and
   * how many expected duplicates (distance 0) were missed. Differences in index alone are ties.
   */
  private static void checkNeighbors(
      String label, Neighbors expected, Neighbors actual, List<String> failures) {
    int wrongRows = 0;
    int tieRows = 0;
    int missedDuplicates = 0;
    double worstRatio = 1;
    String firstWrong = null;
    for (int row = 0; row < expected.rows(); row++) {
      boolean wrong = false;
      boolean tie = false;
      for (int rank = 0; rank < expected.count(); rank++) {
        double want = expected.squaredDistance(row, rank);
        double returned = actual.squaredDistance(row, rank);
        if (returned != want) {
          worstRatio = Math.max(worstRatio, want == 0 ? Double.POSITIVE_INFINITY : returned / want);
          missedDuplicates += want == 0 ? 1 : 0;
          if (firstWrong == null) {
            firstWrong =
                "row " + row + " rank " + rank + " returned " + returned + " expected " + want;
          }
          wrong = true;
        } else if (actual.index(row, rank) != expected.index(row, rank)) {
          tie = true;
        }
      }
      wrongRows += wrong ? 1 : 0;
      tieRows += !wrong && tie ? 1 : 0;
    }
    if (wrongRows > 0 || tieRows > 0) {
      failures.add(
          label
              + ": "
              + wrongRows
              + " rows with other distances, worst ratio "
              + worstRatio
              + ", duplicates missed "
              + missedDuplicates
              + ", first "
              + firstWrong
              + ", "
              + tieRows
              + " rows with other indices at equal distances");
    }
  }

  private static void checkMembership(
      String label, Points queries, Points centers, double[] radii, List<String> failures) {
    boolean[] inside = NearestNeighbors.insideAnyBall(queries, centers, radii);
    int wrong = 0;
    String first = null;
    for (int i = 0; i < queries.rows(); i++) {
      boolean expected = false;
      boolean marginal = false;
      for (int j = 0; j < centers.rows(); j++) {
        double distance = queries.exactSquaredDistance(i, centers, j);
        expected |= distance < radii[j];
        marginal |= Math.abs(distance - radii[j]) <= MEMBERSHIP_MARGIN * radii[j];
      }
      if (expected != inside[i]) {
        wrong++;
        if (first == null) {
          first = "query " + i + " expected " + expected + " marginal " + marginal;
        }
      }
    }
    if (wrong > 0) {
      failures.add(label + ": " + wrong + " queries differ, first " + first);
    }
  }
}
