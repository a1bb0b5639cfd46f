package io.fld.core.linalg;

import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The rows of a point set grouped into cells of nearby rows, each enclosed in a ball around its
 * centroid. The kernels of {@link NearestNeighbors} use the balls to skip, by the triangle
 * inequality, every pair of a row and a cell that cannot change their result, and shift each tile
 * to a cell centroid so that the rounding of single-precision GEMM scales with the size of a cell,
 * not with the distance from the origin. The partition decides the time, not the results.
 *
 * <p>Cells come from recursive splitting: a set of rows is cut by the hyperplane midway between two
 * 2-means centers of a sample of its rows, until every part has at most {@link #CELL_ROWS} rows. A
 * part may be small where the data puts few rows on one side, so that a small group far from the
 * rest does not widen the ball of a large cluster's cell. On data with cluster structure, such as
 * the embeddings of a labelled image set, most pairs of cells lie too far apart to matter. On data
 * without any, nothing is skipped, and building the partition took under 1 % of the kernels' time
 * at 50000 x 768 and a few percent at 20000 x 128.
 */
public final class CellPartition {
  /** Maximum rows of a cell, and so of a GEMM tile of the kernels. */
  static final int CELL_ROWS = 1024;

  /**
   * Largest squared norm of a row that the kernels accept: dot products of such rows, about 1e30,
   * stay far below the single-precision maximum of about 3.4e38.
   */
  static final double MAX_SQUARED_NORM = 1e30;

  /**
   * Smallest value of the largest squared norm that the kernels accept for points that are not all
   * zero. Below it, products of coordinates can reach the subnormal range below about 1.2e-38,
   * whose absolute rounding breaks the relative error bound of the screened distances.
   */
  public static final double MIN_SQUARED_NORM = 1e-30;

  /** Rows drawn evenly from a set to choose its split direction. */
  private static final int SAMPLE_ROWS = 256;

  /**
   * Depth of splitting up to which a part may be as small as the data puts it, so that a small
   * group far from the rest gets cells of its own instead of widening the ball of a cluster's cell.
   */
  private static final int FREE_SPLIT_DEPTH = 24;

  /**
   * Minimum share of a set's rows that each part of a deeper split receives, which bounds the depth
   * of the recursion when the data keeps splitting off a few rows.
   */
  private static final double MIN_PART_SHARE = 1.0 / 16;

  /** Dimensions of the random projection in which the cells are chosen. */
  private static final int SKETCH_WIDTH = 64;

  /** Rows projected per GEMM call when sketching. */
  private static final int SKETCH_CHUNK_ROWS = 8192;

  /** Seed of the random projection, which shapes the cells and so the time of the kernels. */
  private static final long SKETCH_SEED = 0x5eed_ce11L;

  /** Rows projected by one task of the parallel projection. */
  private static final int PROJECTION_CHUNK = 512;

  /** Lloyd iterations of the 2-means that gives a split direction. */
  private static final int LLOYD_ITERATIONS = 3;

  /**
   * Relative widening of every radius and distance to a centroid, which covers the double-precision
   * rounding of the upper bounds computed for them.
   */
  private static final double WIDENING = 1e-9;

  private final Points points;
  private final int[] cellRows;
  private final int[] cellStarts;
  private final FloatBuffer centroids;
  private final double[] radii;
  private final double[] distancesToCentroid;

  private CellPartition(Points points, int[] cellRows, int[] cellStarts) {
    this.points = points;
    this.cellRows = cellRows;
    this.cellStarts = cellStarts;
    int cells = cellStarts.length - 1;
    int dimension = points.dimension();
    this.centroids = Blas.allocateDirect(Math.max(1, Math.multiplyExact(cells, dimension)));
    this.radii = new double[cells];
    this.distancesToCentroid = new double[points.rows()];
    describeCells();
  }

  /**
   * Partitions the rows of {@code points}.
   *
   * @throws IllegalArgumentException if a squared norm exceeds {@link #MAX_SQUARED_NORM} or all of
   *     them lie below {@link #MIN_SQUARED_NORM} without being 0, where single-precision dot
   *     products overflow or lose their relative accuracy
   */
  public static CellPartition of(Points points) {
    checkRange(points);
    int[] order = IntStream.range(0, points.rows()).toArray();
    int[] cellStarts = splitIntoCells(points, order);
    return new CellPartition(points, order, cellStarts);
  }

  /**
   * Reorders {@code order} so that every cell is a run of it, and returns where the runs start,
   * followed by the number of rows.
   */
  private static int[] splitIntoCells(Points points, int[] order) {
    int rows = points.rows();
    Sketch sketch = rows > CELL_ROWS ? Sketch.of(points) : null;
    List<Integer> starts = new ArrayList<>();
    Deque<int[]> pending = new ArrayDeque<>();
    if (rows > 0) {
      pending.push(new int[] {0, rows, 0});
    }

    // Depth first, lower part first, so that cells are numbered in the order of their rows.
    while (!pending.isEmpty()) {
      int[] range = pending.pop();
      int from = range[0];
      int to = range[1];
      int depth = range[2];
      if (to - from <= CELL_ROWS) {
        starts.add(from);
        continue;
      }
      double minShare = depth < FREE_SPLIT_DEPTH ? 0 : MIN_PART_SHARE;
      int middle = split(sketch, order, from, to, minShare);
      pending.push(new int[] {middle, to, depth + 1});
      pending.push(new int[] {from, middle, depth + 1});
    }

    int[] cellStarts = new int[starts.size() + 1];
    for (int cell = 0; cell < starts.size(); cell++) {
      cellStarts[cell] = starts.get(cell);
    }
    cellStarts[starts.size()] = rows;
    return cellStarts;
  }

  private static void checkRange(Points points) {
    double largest = 0;
    for (int row = 0; row < points.rows(); row++) {
      largest = Math.max(largest, points.squaredNorm(row));
    }
    if (largest > MAX_SQUARED_NORM || (largest > 0 && largest < MIN_SQUARED_NORM)) {
      throw new IllegalArgumentException(
          "the largest squared norm of the points, "
              + largest
              + ", lies outside ["
              + MIN_SQUARED_NORM
              + ", "
              + MAX_SQUARED_NORM
              + "], where single-precision distances stay accurate; create the points with the"
              + " scale that Points.commonScale returns");
    }
  }

  /** Returns the partitioned points. */
  public Points points() {
    return points;
  }

  /** Returns the number of cells. */
  public int cellCount() {
    return cellStarts.length - 1;
  }

  /** Returns the rows of {@code cell}, in ascending order of their index. */
  int[] rowsOf(int cell) {
    return Arrays.copyOfRange(cellRows, cellStarts[cell], cellStarts[cell + 1]);
  }

  /** Returns the centroid of {@code cell}, in the units of the points. */
  float[] centroid(int cell) {
    float[] centroid = new float[points.dimension()];
    centroids.get(cell * points.dimension(), centroid);
    return centroid;
  }

  /** Returns the largest distance from a row of {@code cell} to its centroid, rounded up. */
  double radius(int cell) {
    return radii[cell];
  }

  /** Returns the distance from {@code row} to the centroid of its cell, rounded up. */
  double distanceToCentroid(int row) {
    return distancesToCentroid[row];
  }

  /**
   * Fills {@code lowerBounds[i * cellCount() + c]} with a lower bound of the distance from row
   * {@code i} of {@code tile} to the centroid of cell {@code c}, and {@code centroidNorms[c]} with
   * the squared norm of that centroid shifted by {@code origin}. The distances are screened with
   * single-precision GEMM in coordinates shifted by {@code origin}, and each bound is lowered by
   * {@code marginScale (|x'|^2 + |c'|^2)}, the rounding bound of the screened squared distance (see
   * {@link Points#screeningErrorScale}).
   *
   * @param tile rows of the partitioned points' scale, shifted by {@code origin}, at most {@link
   *     #CELL_ROWS} of them
   * @param shiftedCentroids a direct scratch buffer of at least {@code cellCount() * dimension}
   *     floats
   * @param dots a direct scratch buffer of at least {@code tile.rows() * cellCount()} floats
   */
  void lowerBoundsToCentroids(
      Points tile,
      float[] origin,
      FloatBuffer shiftedCentroids,
      FloatBuffer dots,
      double[] lowerBounds,
      double[] centroidNorms,
      double marginScale) {
    int cells = cellCount();
    int dimension = points.dimension();
    float[] centroid = new float[dimension];
    for (int cell = 0; cell < cells; cell++) {
      centroids.get(cell * dimension, centroid);
      double norm = 0;
      for (int column = 0; column < dimension; column++) {
        centroid[column] -= origin[column];
        norm += (double) centroid[column] * centroid[column];
      }
      shiftedCentroids.put(cell * dimension, centroid);
      centroidNorms[cell] = norm;
    }

    int rows = tile.rows();
    Blas.sgemmTransposedB(
        rows, cells, dimension, 1f, tile.values(), 0, shiftedCentroids, 0, 0f, dots);
    IntStream.range(0, rows)
        .parallel()
        .forEach(
            i -> {
              double rowNorm = tile.squaredNorm(i);
              for (int cell = 0; cell < cells; cell++) {
                double norms = rowNorm + centroidNorms[cell];
                double screened = norms - 2.0 * dots.get(i * cells + cell);
                double lower = screened - marginScale * norms;
                lowerBounds[i * cells + cell] = lower > 0 ? Math.sqrt(lower) : 0;
              }
            });
  }

  /**
   * Computes the centroid and the radius of every cell. Any point can serve as a centroid, so it is
   * summed in single precision. The distances to it are screened with GEMV and raised by their
   * rounding bound, so that each radius bounds its cell from above.
   */
  private void describeCells() {
    int dimension = points.dimension();
    double errorScale = Points.screeningErrorScale(dimension);
    FloatBuffer tileValues = Blas.allocateDirect(Math.multiplyExact(CELL_ROWS, dimension));
    FloatBuffer ones = Blas.allocateDirect(CELL_ROWS);
    for (int i = 0; i < CELL_ROWS; i++) {
      ones.put(i, 1f);
    }
    FloatBuffer centroid = Blas.allocateDirect(dimension);
    FloatBuffer dots = Blas.allocateDirect(CELL_ROWS);

    for (int cell = 0; cell < cellCount(); cell++) {
      int[] ids = rowsOf(cell);
      Points tile = points.gather(ids, tileValues);
      Blas.sgemv(true, ids.length, dimension, 1f / ids.length, tileValues, ones, 0f, centroid);
      double centroidNorm = 0;
      for (int column = 0; column < dimension; column++) {
        float value = centroid.get(column);
        centroids.put(cell * dimension + column, value);
        centroidNorm += (double) value * value;
      }

      Blas.sgemv(false, ids.length, dimension, 1f, tileValues, centroid, 0f, dots);
      double radius = 0;
      for (int i = 0; i < ids.length; i++) {
        double norms = tile.squaredNorm(i) + centroidNorm;
        double upper = norms - 2.0 * dots.get(i) + errorScale * norms;
        double distance = Math.sqrt(Math.max(0, upper)) * (1 + WIDENING);
        distancesToCentroid[ids[i]] = distance;
        radius = Math.max(radius, distance);
      }
      radii[cell] = radius;
    }
  }

  /**
   * Reorders {@code order[from, to)} into two parts, split by a hyperplane normal to the line
   * through two 2-means centers of its rows, and returns where the parts meet. The hyperplane lies
   * midway between the centers, so that clusters stay whole, but moves so that each part keeps at
   * least {@code minShare} of the rows and at least one row.
   */
  private static int split(Sketch sketch, int[] order, int from, int to, double minShare) {
    SplitLine line = splitLine(sketch, order, from, to);
    int count = to - from;
    double[] projections = project(sketch, order, from, to, line.direction);
    double[] sorted = projections.clone();
    Arrays.sort(sorted);
    int smallest = Math.max(1, (int) Math.ceil(minShare * count));
    int lowerSize = lowerBound(sorted, line.midpoint);
    lowerSize = Math.max(smallest, Math.min(count - smallest, lowerSize));
    if (sorted[0] == sorted[count - 1]) {
      // This line cannot separate rows that all project alike, so halving them at least keeps the
      // recursion shallow.
      lowerSize = count / 2;
    }
    double cut = sorted[lowerSize];

    // Rows that project exactly onto the cut fill the lower part up to its size.
    int below = lowerBound(sorted, cut);
    int tiesToLower = lowerSize - below;
    int[] lower = new int[lowerSize];
    int[] upper = new int[count - lowerSize];
    int lowerFilled = 0;
    int upperFilled = 0;
    for (int index = 0; index < count; index++) {
      int row = order[from + index];
      double projection = projections[index];
      boolean toLower = projection < cut;
      if (projection == cut && tiesToLower > 0) {
        toLower = true;
        tiesToLower--;
      }
      if (toLower) {
        lower[lowerFilled++] = row;
      } else {
        upper[upperFilled++] = row;
      }
    }
    System.arraycopy(lower, 0, order, from, lowerSize);
    System.arraycopy(upper, 0, order, from + lowerSize, count - lowerSize);
    return from + lowerSize;
  }

  /** Returns the number of values of the ascending {@code sorted} that are below {@code value}. */
  private static int lowerBound(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted[middle] < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /**
   * Returns the projections of the sketched rows {@code order[from, to)} onto {@code direction}.
   */
  private static double[] project(
      Sketch sketch, int[] order, int from, int to, double[] direction) {
    double[] projections = new double[to - from];
    int chunks = (to - from + PROJECTION_CHUNK - 1) / PROJECTION_CHUNK;
    IntStream.range(0, chunks)
        .parallel()
        .forEach(
            chunk -> {
              float[] row = new float[sketch.width];
              int end = Math.min(to - from, (chunk + 1) * PROJECTION_CHUNK);
              for (int index = chunk * PROJECTION_CHUNK; index < end; index++) {
                sketch.row(order[from + index], row);
                projections[index] = dot(direction, row);
              }
            });
    return projections;
  }

  /**
   * A split direction and the projection of the point midway between the two centers that gave it.
   */
  private record SplitLine(double[] direction, double midpoint) {}

  /**
   * Returns the line through the two centers of a 2-means clustering of rows drawn evenly from
   * {@code order[from, to)}, seeded with the sampled row farthest from the sample mean and the row
   * farthest from that one. The direction is the first unit vector when all sampled rows are equal.
   */
  private static SplitLine splitLine(Sketch sketch, int[] order, int from, int to) {
    int dimension = sketch.width;
    int stride = Math.max(1, (to - from) / SAMPLE_ROWS);
    int samples = (to - from + stride - 1) / stride;
    double[][] sample = new double[samples][dimension];
    float[] row = new float[dimension];
    for (int index = 0; index < samples; index++) {
      sketch.row(order[from + index * stride], row);
      for (int column = 0; column < dimension; column++) {
        sample[index][column] = row[column];
      }
    }

    double[] mean = new double[dimension];
    for (double[] values : sample) {
      for (int column = 0; column < dimension; column++) {
        mean[column] += values[column];
      }
    }
    for (int column = 0; column < dimension; column++) {
      mean[column] /= samples;
    }
    double[] first = sample[farthestFrom(sample, mean)].clone();
    double[] second = sample[farthestFrom(sample, first)].clone();
    for (int iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
      double[] firstSum = new double[dimension];
      double[] secondSum = new double[dimension];
      int firstCount = 0;
      for (double[] values : sample) {
        boolean nearerFirst = squaredDistance(values, first) <= squaredDistance(values, second);
        double[] sum = nearerFirst ? firstSum : secondSum;
        for (int column = 0; column < dimension; column++) {
          sum[column] += values[column];
        }
        firstCount += nearerFirst ? 1 : 0;
      }
      int secondCount = samples - firstCount;
      if (firstCount == 0 || secondCount == 0) {
        break;
      }
      for (int column = 0; column < dimension; column++) {
        first[column] = firstSum[column] / firstCount;
        second[column] = secondSum[column] / secondCount;
      }
    }

    double[] direction = new double[dimension];
    double midpoint = 0;
    boolean degenerate = true;
    for (int column = 0; column < dimension; column++) {
      direction[column] = first[column] - second[column];
      midpoint += direction[column] * 0.5 * (first[column] + second[column]);
      degenerate &= direction[column] == 0;
    }
    if (degenerate) {
      direction[0] = 1;
      midpoint = first[0];
    }
    return new SplitLine(direction, midpoint);
  }

  private static int farthestFrom(double[][] sample, double[] point) {
    int farthest = 0;
    double largest = -1;
    for (int index = 0; index < sample.length; index++) {
      double distance = squaredDistance(sample[index], point);
      if (distance > largest) {
        largest = distance;
        farthest = index;
      }
    }
    return farthest;
  }

  /**
   * The rows of a point set mapped to {@link #SKETCH_WIDTH} dimensions by a fixed Gaussian random
   * matrix, or copied when they have no more than that. Random projection keeps distances within a
   * modest factor, which is all that choosing the cells needs, and makes their choice cheap next to
   * the kernels' own work.
   *
   * @param values row-major {@code rows x width} values
   */
  private record Sketch(float[] values, int width) {

    static Sketch of(Points points) {
      int rows = points.rows();
      int dimension = points.dimension();
      if (dimension <= SKETCH_WIDTH) {
        float[] copy = new float[Math.multiplyExact(rows, dimension)];
        points.values().get(0, copy);
        return new Sketch(copy, dimension);
      }
      SplittableRandom random = new SplittableRandom(SKETCH_SEED);
      FloatBuffer projection = Blas.allocateDirect(SKETCH_WIDTH * dimension);
      for (int i = 0; i < SKETCH_WIDTH * dimension; i++) {
        projection.put(i, (float) random.nextGaussian());
      }
      float[] values = new float[Math.multiplyExact(rows, SKETCH_WIDTH)];
      int chunkRows = Math.min(rows, SKETCH_CHUNK_ROWS);
      FloatBuffer chunk = Blas.allocateDirect(chunkRows * SKETCH_WIDTH);
      for (int first = 0; first < rows; first += chunkRows) {
        int count = Math.min(chunkRows, rows - first);
        Blas.sgemmTransposedB(
            count,
            SKETCH_WIDTH,
            dimension,
            1f,
            points.values(),
            first * dimension,
            projection,
            0,
            0f,
            chunk);
        chunk.get(0, values, first * SKETCH_WIDTH, count * SKETCH_WIDTH);
      }
      return new Sketch(values, SKETCH_WIDTH);
    }

    void row(int row, float[] target) {
      System.arraycopy(values, row * width, target, 0, width);
    }
  }

  // The helpers below keep four partial sums, so that consecutive additions do not wait for each
  // other. Their results differ from those of a single running sum only by rounding.

  private static double squaredDistance(double[] first, double[] second) {
    double sum0 = 0;
    double sum1 = 0;
    double sum2 = 0;
    double sum3 = 0;
    int length = first.length;
    int column = 0;
    for (; column + 3 < length; column += 4) {
      double difference0 = first[column] - second[column];
      double difference1 = first[column + 1] - second[column + 1];
      double difference2 = first[column + 2] - second[column + 2];
      double difference3 = first[column + 3] - second[column + 3];
      sum0 += difference0 * difference0;
      sum1 += difference1 * difference1;
      sum2 += difference2 * difference2;
      sum3 += difference3 * difference3;
    }
    for (; column < length; column++) {
      double difference = first[column] - second[column];
      sum0 += difference * difference;
    }
    return (sum0 + sum1) + (sum2 + sum3);
  }

  private static double dot(double[] first, float[] second) {
    double sum0 = 0;
    double sum1 = 0;
    double sum2 = 0;
    double sum3 = 0;
    int length = first.length;
    int column = 0;
    for (; column + 3 < length; column += 4) {
      sum0 += first[column] * second[column];
      sum1 += first[column + 1] * second[column + 1];
      sum2 += first[column + 2] * second[column + 2];
      sum3 += first[column + 3] * second[column + 3];
    }
    for (; column < length; column++) {
      sum0 += first[column] * second[column];
    }
    return (sum0 + sum1) + (sum2 + sum3);
  }
}
