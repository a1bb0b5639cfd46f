package io.fld.core.linalg;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * Exact k-nearest-neighbour queries and ball-membership tests in Euclidean distance, with memory
 * that grows with the number of rows, not with the number of pairs.
 *
 * <p>Distances are screened tile by tile with single-precision GEMM through {@code |x|^2 + |y|^2 -
 * 2 x.y}, with the squared norms in double precision. Every decision that the GEMM's rounding could
 * change is then settled by a distance computed from the differences in double precision: the
 * neighbour lists are re-ranked exactly, and a membership test within the rounding bound of a
 * radius is recomputed. Points of one call must share their origin (see {@link Points}).
 */
public final class NearestNeighbors {
  /** Rows of the query and reference tiles of each GEMM call. */
  static final int TILE_ROWS = 1024;

  /**
   * Candidates kept beyond the requested neighbour count, so that re-ranking in double precision
   * can recover a neighbour that single-precision rounding placed just outside the list.
   *
   * <p>NOTE: a neighbour can still be missed when more than this many rows lie within the GEMM
   * rounding error of the last kept distance; its exact distance then differs from the returned one
   * by at most that error.
   */
  static final int CANDIDATE_SLACK = 3;

  /** Columns of a tile handled together when the tile updates the lists of its columns. */
  private static final int COLUMN_GROUP = 16;

  /** Unit roundoff of IEEE single precision. */
  private static final double FLOAT_UNIT_ROUNDOFF = 0x1p-24;

  /**
   * Factor over the classical bound {@code d u |x| |y|} on the error of a single-precision dot
   * product of length {@code d}, for the margin below which a membership test is recomputed.
   */
  private static final double ROUNDING_BOUND_SAFETY = 2.0;

  private NearestNeighbors() {}

  /**
   * Finds, for every row of {@code points}, its {@code count} nearest other rows (the row itself
   * excluded). Each pair's distance is screened once, because the tile of rows {@code I} against
   * rows {@code J} also updates the lists of the rows in {@code J}.
   *
   * @throws IllegalArgumentException unless {@code 1 <= count < points.rows()}
   */
  public static Neighbors nearestOthers(Points points, int count) {
    int rows = points.rows();
    if (count < 1 || count >= rows) {
      throw new IllegalArgumentException(
          "count must lie in [1, " + (rows - 1) + "] for " + rows + " rows, got " + count);
    }
    CandidateLists candidates =
        new CandidateLists(rows, Math.min(count + CANDIDATE_SLACK, rows - 1));
    FloatBuffer tile = Blas.allocateDirect(Math.min(TILE_ROWS, rows) * Math.min(TILE_ROWS, rows));

    for (int rowStart = 0; rowStart < rows; rowStart += TILE_ROWS) {
      for (int columnStart = rowStart; columnStart < rows; columnStart += TILE_ROWS) {
        Tile block = Tile.compute(points, rowStart, points, columnStart, tile);
        boolean diagonal = rowStart == columnStart;
        IntStream.range(0, block.rowCount())
            .parallel()
            .forEach(i -> block.offerRow(i, candidates, diagonal));
        if (!diagonal) {
          IntStream.range(0, groupCount(block.columnCount()))
              .parallel()
              .forEach(group -> block.offerColumns(group * COLUMN_GROUP, candidates));
        }
      }
    }
    return candidates.refine(
        count, (row, other) -> points.exactSquaredDistance(row, points, other));
  }

  /**
   * Finds, for every row of {@code queries}, its {@code count} nearest rows of {@code references}.
   *
   * @throws IllegalArgumentException unless {@code 1 <= count <= references.rows()} and the
   *     dimensions and scales agree
   */
  public static Neighbors nearest(Points queries, Points references, int count) {
    checkDimensions(queries, references);
    int referenceRows = references.rows();
    if (count < 1 || count > referenceRows) {
      throw new IllegalArgumentException(
          "count must lie in [1, " + referenceRows + "], got " + count);
    }
    CandidateLists candidates =
        new CandidateLists(queries.rows(), Math.min(count + CANDIDATE_SLACK, referenceRows));
    FloatBuffer tile = Blas.allocateDirect(TILE_ROWS * TILE_ROWS);

    for (int queryStart = 0; queryStart < queries.rows(); queryStart += TILE_ROWS) {
      for (int referenceStart = 0; referenceStart < referenceRows; referenceStart += TILE_ROWS) {
        Tile block = Tile.compute(queries, queryStart, references, referenceStart, tile);
        IntStream.range(0, block.rowCount())
            .parallel()
            .forEach(i -> block.offerRow(i, candidates, false));
      }
    }
    return candidates.refine(
        count, (row, other) -> queries.exactSquaredDistance(row, references, other));
  }

  /**
   * Tests, for every row of {@code queries}, whether it lies strictly inside at least one ball:
   * whether some row {@code j} of {@code centers} has squared distance below {@code
   * squaredRadii[j]}. A query row stops being compared once it is found inside a ball.
   *
   * @throws IllegalArgumentException if the dimensions, the scales or the number of radii do not
   *     match
   */
  public static boolean[] insideAnyBall(Points queries, Points centers, double[] squaredRadii) {
    checkDimensions(queries, centers);
    if (squaredRadii.length != centers.rows()) {
      throw new IllegalArgumentException(
          squaredRadii.length + " radii given for " + centers.rows() + " centers");
    }
    boolean[] inside = new boolean[queries.rows()];
    FloatBuffer tile = Blas.allocateDirect(TILE_ROWS * TILE_ROWS);
    FloatBuffer activeScratch = Blas.allocateDirect(TILE_ROWS * queries.dimension());
    double marginScale = ROUNDING_BOUND_SAFETY * queries.dimension() * FLOAT_UNIT_ROUNDOFF;

    for (int queryStart = 0; queryStart < queries.rows(); queryStart += TILE_ROWS) {
      int queryCount = Math.min(TILE_ROWS, queries.rows() - queryStart);
      int[] active = IntStream.range(queryStart, queryStart + queryCount).toArray();
      for (int centerStart = 0; centerStart < centers.rows(); centerStart += TILE_ROWS) {
        if (active.length == 0) {
          break;
        }
        Points activeQueries = queries.gather(active, activeScratch);
        Tile block = Tile.compute(activeQueries, 0, centers, centerStart, tile);
        int[] pending = active;
        IntStream.range(0, pending.length)
            .parallel()
            .forEach(
                i ->
                    inside[pending[i]] =
                        block.isInsideAnyBall(i, pending[i], queries, squaredRadii, marginScale));
        active = IntStream.of(active).filter(row -> !inside[row]).toArray();
      }
    }
    return inside;
  }

  private static int groupCount(int columns) {
    return (columns + COLUMN_GROUP - 1) / COLUMN_GROUP;
  }

  private static void checkDimensions(Points queries, Points references) {
    if (queries.dimension() != references.dimension()) {
      throw new IllegalArgumentException(
          "query dimension "
              + queries.dimension()
              + " differs from reference dimension "
              + references.dimension());
    }
    if (queries.scale() != references.scale()) {
      throw new IllegalArgumentException(
          "query scale "
              + queries.scale()
              + " differs from reference scale "
              + references.scale()
              + ", so their distances cannot be compared");
    }
  }

  /**
   * The dot products of a range of rows of one point set (the tile's rows) with a range of rows of
   * another (its columns), row-major in a shared scratch array.
   */
  private record Tile(
      Points rows,
      int rowStart,
      int rowCount,
      Points columns,
      int columnStart,
      int columnCount,
      FloatBuffer dots) {

    static Tile compute(
        Points rows, int rowStart, Points columns, int columnStart, FloatBuffer scratch) {
      int rowCount = Math.min(TILE_ROWS, rows.rows() - rowStart);
      int columnCount = Math.min(TILE_ROWS, columns.rows() - columnStart);
      int dimension = rows.dimension();
      Blas.sgemmTransposedB(
          rowCount,
          columnCount,
          dimension,
          1f,
          rows.values(),
          rowStart * dimension,
          columns.values(),
          columnStart * dimension,
          0f,
          scratch);
      return new Tile(rows, rowStart, rowCount, columns, columnStart, columnCount, scratch);
    }

    double approximateSquaredDistance(int i, int j) {
      return rows.squaredNorm(rowStart + i)
          + columns.squaredNorm(columnStart + j)
          - 2.0 * dots.get(i * columnCount + j);
    }

    /** Offers the columns of tile row {@code i} to the list of that row. */
    void offerRow(int i, CandidateLists candidates, boolean skipDiagonal) {
      int row = rowStart + i;
      double threshold = candidates.threshold(row);
      for (int j = 0; j < columnCount; j++) {
        if (skipDiagonal && j == i) {
          continue;
        }
        double squaredDistance = approximateSquaredDistance(i, j);
        if (squaredDistance < threshold) {
          candidates.offer(row, columnStart + j, squaredDistance);
          threshold = candidates.threshold(row);
        }
      }
    }

    /**
     * Offers the tile rows to the lists of the columns {@code [firstColumn, firstColumn +
     * COLUMN_GROUP)}, reading the tile row by row so that each cache line serves several columns.
     */
    void offerColumns(int firstColumn, CandidateLists candidates) {
      int lastColumn = Math.min(firstColumn + COLUMN_GROUP, columnCount);
      for (int i = 0; i < rowCount; i++) {
        for (int j = firstColumn; j < lastColumn; j++) {
          double squaredDistance = approximateSquaredDistance(i, j);
          int column = columnStart + j;
          if (squaredDistance < candidates.threshold(column)) {
            candidates.offer(column, rowStart + i, squaredDistance);
          }
        }
      }
    }

    /**
     * Tests whether tile row {@code i}, which is row {@code queryRow} of {@code queries}, lies
     * strictly inside the ball of one of the tile's columns.
     */
    boolean isInsideAnyBall(
        int i, int queryRow, Points queries, double[] squaredRadii, double marginScale) {
      double queryNorm = rows.squaredNorm(i);
      for (int j = 0; j < columnCount; j++) {
        int center = columnStart + j;
        double approximate = approximateSquaredDistance(i, j);
        double margin = marginScale * (queryNorm + columns.squaredNorm(center));
        double radius = squaredRadii[center];
        if (approximate < radius - margin) {
          return true;
        }
        if (approximate <= radius + margin
            && queries.exactSquaredDistance(queryRow, columns, center) < radius) {
          return true;
        }
      }
      return false;
    }
  }
}
