package io.fld.core.linalg;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * Exact k-nearest-neighbour queries and ball-membership tests in Euclidean distance, with memory
 * that grows with the number of rows, not with the number of pairs.
 *
 * <p>The rows are grouped into the cells of a {@link CellPartition}. Distances between a tile of
 * rows and a cell are screened with single-precision GEMM through {@code |x|^2 + |y|^2 - 2 x.y}, in
 * coordinates shifted to a cell centroid and with the squared norms in double precision, and a row
 * skips a cell when the triangle inequality and the cell's ball show that no row of the cell can
 * change its result. Decisions that the GEMM's rounding could change are then settled by distances
 * computed from the differences in double precision. A pair whose screened distance, lowered by the
 * rounding bound, does not exceed the threshold of a neighbour list is ranked by its exact
 * distance, and a membership test within the rounding bound of a radius is recomputed. Skipping is
 * conservative by that rounding bound. Neighbour lists and membership are therefore exact, and
 * among rows tied at the last kept distance the lowest indices are kept. Points of one call must
 * share their origin and scale (see {@link Points}).
 */
public final class NearestNeighbors {
  /** Maximum rows of the query and reference tiles of each GEMM call. */
  static final int TILE_ROWS = CellPartition.CELL_ROWS;

  /**
   * Share of a cell's rows that must need a second cell for their pair of cells to be computed
   * whole, for the lists of both cells at once. Below it, only the rows that need the second cell
   * are compared with it, and the second cell's rows compare themselves with the first later.
   */
  private static final double WHOLE_PAIR_SHARE = 0.5;

  /** Columns of a tile handled together when the tile updates the lists of its columns. */
  private static final int COLUMN_GROUP = 16;

  /**
   * Relative widening of the bound on the squared norms of a cell's shifted rows, which covers the
   * single-precision rounding of the shifted centroid it starts from.
   */
  private static final double SHIFTED_NORM_WIDENING = 1e-6;

  private NearestNeighbors() {}

  /**
   * Finds, for every row of {@code points}, its {@code count} nearest other rows (the row itself
   * excluded).
   *
   * @throws IllegalArgumentException unless {@code 1 <= count < points.rows()}
   */
  public static Neighbors nearestOthers(Points points, int count) {
    return nearestOthers(CellPartition.of(points), count);
  }

  /**
   * Finds, for every row of the partitioned points, its {@code count} nearest other rows (the row
   * itself excluded). A pair of cells that both need each other is screened once, for the lists of
   * both.
   *
   * @throws IllegalArgumentException unless {@code 1 <= count < rows}
   */
  public static Neighbors nearestOthers(CellPartition cells, int count) {
    Points points = cells.points();
    int rows = points.rows();
    if (count < 1 || count >= rows) {
      throw new IllegalArgumentException(
          "count must lie in [1, " + (rows - 1) + "] for " + rows + " rows, got " + count);
    }
    CandidateLists candidates = new CandidateLists(rows, count);
    CandidateLists.ExactDistance exact =
        (row, other) -> points.exactSquaredDistance(row, points, other);
    new SelfSearch(cells, candidates, exact).run();
    return candidates.refine(count, exact);
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
    CandidateLists candidates = new CandidateLists(queries.rows(), count);
    CandidateLists.ExactDistance exact =
        (row, other) -> queries.exactSquaredDistance(row, references, other);
    CellPartition referenceCells = CellPartition.of(references);
    CellPartition queryCells = CellPartition.of(queries);
    Workspace workspace = new Workspace(queries.dimension(), referenceCells.cellCount());
    for (int queryCell = 0; queryCell < queryCells.cellCount(); queryCell++) {
      int[] queryIds = queryCells.rowsOf(queryCell);
      float[] origin = queryCells.centroid(queryCell);
      Points tile = queries.gatherShifted(queryIds, origin, workspace.rows);
      workspace.boundCentroids(referenceCells, tile, origin);
      for (int referenceCell : workspace.cellsNearestFirst()) {
        int[] needing =
            rowsNeeding(tile, queryIds, referenceCells, referenceCell, candidates, workspace);
        if (needing.length == 0) {
          continue;
        }
        TileRows selected = TileRows.select(tile, queryIds, needing, workspace.subset);
        int[] referenceIds = referenceCells.rowsOf(referenceCell);
        Points referenceTile = references.gatherShifted(referenceIds, origin, workspace.columns);
        Tile block =
            Tile.compute(selected.points, selected.ids, referenceTile, referenceIds, workspace);
        IntStream.range(0, block.rowCount())
            .parallel()
            .forEach(i -> block.offerRow(i, candidates, false, exact, workspace.marginScale));
      }
    }
    return candidates.refine(count, exact);
  }

  /**
   * Tests, for every row of {@code queries}, whether it lies strictly inside at least one ball:
   * whether some row {@code j} of {@code centers} has squared distance below {@code
   * squaredRadii[j]}.
   *
   * @throws IllegalArgumentException if the dimensions, the scales or the number of radii do not
   *     match
   */
  public static boolean[] insideAnyBall(Points queries, Points centers, double[] squaredRadii) {
    return insideAnyBall(queries, CellPartition.of(centers), squaredRadii);
  }

  /**
   * Tests, for every row of {@code queries}, whether it lies strictly inside at least one ball:
   * whether some row {@code j} of the partitioned centers has squared distance below {@code
   * squaredRadii[j]}. A query row stops being compared once it is found inside a ball, and skips
   * every cell whose balls all lie beyond it.
   *
   * @throws IllegalArgumentException if the dimensions, the scales or the number of radii do not
   *     match
   */
  public static boolean[] insideAnyBall(
      Points queries, CellPartition centerCells, double[] squaredRadii) {
    Points centers = centerCells.points();
    checkDimensions(queries, centers);
    if (squaredRadii.length != centers.rows()) {
      throw new IllegalArgumentException(
          squaredRadii.length + " radii given for " + centers.rows() + " centers");
    }
    double[] reach = reachOfCells(centerCells, squaredRadii);
    boolean[] inside = new boolean[queries.rows()];
    CellPartition queryCells = CellPartition.of(queries);
    Workspace workspace = new Workspace(queries.dimension(), centerCells.cellCount());
    int cells = centerCells.cellCount();

    for (int queryCell = 0; queryCell < queryCells.cellCount(); queryCell++) {
      int[] queryIds = queryCells.rowsOf(queryCell);
      float[] origin = queryCells.centroid(queryCell);
      Points tile = queries.gatherShifted(queryIds, origin, workspace.rows);
      workspace.boundCentroids(centerCells, tile, origin);
      int[] remaining = IntStream.range(0, queryIds.length).toArray();
      for (int centerCell : workspace.cellsNearestFirst()) {
        double cellReach = reach[centerCell];
        int[] needing =
            IntStream.of(remaining)
                .filter(i -> workspace.lowerBounds[i * cells + centerCell] < cellReach)
                .toArray();
        if (needing.length == 0) {
          continue;
        }
        TileRows selected = TileRows.select(tile, queryIds, needing, workspace.subset);
        int[] tileIds = selected.ids;
        int[] centerIds = centerCells.rowsOf(centerCell);
        Points centerTile = centers.gatherShifted(centerIds, origin, workspace.columns);
        Tile block = Tile.compute(selected.points, tileIds, centerTile, centerIds, workspace);
        IntStream.range(0, tileIds.length)
            .parallel()
            .forEach(
                i ->
                    inside[tileIds[i]] =
                        block.isInsideAnyBall(
                            i, queries, centers, squaredRadii, workspace.marginScale));
        remaining = IntStream.of(remaining).filter(i -> !inside[queryIds[i]]).toArray();
        if (remaining.length == 0) {
          break;
        }
      }
    }
    return inside;
  }

  /**
   * Returns, per cell, a distance from its centroid beyond which a query lies outside every ball of
   * the cell: the largest distance from a center to the centroid plus that center's radius.
   */
  private static double[] reachOfCells(CellPartition cells, double[] squaredRadii) {
    double[] reach = new double[cells.cellCount()];
    for (int cell = 0; cell < reach.length; cell++) {
      double largest = 0;
      for (int row : cells.rowsOf(cell)) {
        // A NaN radius contains nothing, since no distance compares below it.
        if (Double.isNaN(squaredRadii[row])) {
          continue;
        }
        double radius = Math.sqrt(Math.max(0, squaredRadii[row]));
        largest = Math.max(largest, cells.distanceToCentroid(row) + radius);
      }
      // Math.sqrt rounds to nearest, so widen by an ulp-scale share to stay an upper bound.
      reach[cell] = largest * (1 + 1e-12);
    }
    return reach;
  }

  /**
   * Returns the indices of the rows of {@code tile} whose neighbour lists the rows of {@code cell}
   * could still change: those for which the cell's ball, by the triangle inequality and the GEMM
   * rounding bound, does not keep every row of the cell above the list's current threshold.
   */
  private static int[] rowsNeeding(
      Points tile,
      int[] tileIds,
      CellPartition cells,
      int cell,
      CandidateLists candidates,
      Workspace workspace) {
    int cellCount = cells.cellCount();
    double radius = cells.radius(cell);
    // The rows of the cell, shifted like the tile, lie within the radius of the shifted centroid.
    double reach = Math.sqrt(workspace.centroidNorms[cell]) + radius;
    double largestNorm = reach * reach * (1 + SHIFTED_NORM_WIDENING);
    return IntStream.range(0, tileIds.length)
        .filter(
            i -> {
              double gap = workspace.lowerBounds[i * cellCount + cell] - radius;
              if (gap <= 0) {
                return true;
              }
              double margin = workspace.marginScale * (tile.squaredNorm(i) + largestNorm);
              return gap * gap - margin <= candidates.threshold(tileIds[i]);
            })
        .toArray();
  }

  private static int[] idsAt(int[] ids, int[] positions) {
    int[] selected = new int[positions.length];
    for (int i = 0; i < positions.length; i++) {
      selected[i] = ids[positions[i]];
    }
    return selected;
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

  /** Scratch buffers of one kernel call, sized for tiles of at most {@link #TILE_ROWS} rows. */
  private static final class Workspace {
    final FloatBuffer rows;
    final FloatBuffer columns;
    final FloatBuffer subset;
    final FloatBuffer dots;
    final float[] dotValues;
    final FloatBuffer boundDots;
    final FloatBuffer shiftedCentroids;
    final double[] lowerBounds;
    final double[] centroidNorms;
    final double marginScale;
    private final int cellCount;

    Workspace(int dimension, int cells) {
      cellCount = cells;
      int tileValues = Math.multiplyExact(TILE_ROWS, dimension);
      rows = Blas.allocateDirect(tileValues);
      columns = Blas.allocateDirect(tileValues);
      subset = Blas.allocateDirect(tileValues);
      dots = Blas.allocateDirect(TILE_ROWS * TILE_ROWS);
      dotValues = new float[TILE_ROWS * TILE_ROWS];
      boundDots = Blas.allocateDirect(Math.multiplyExact(TILE_ROWS, Math.max(1, cells)));
      shiftedCentroids = Blas.allocateDirect(Math.multiplyExact(Math.max(1, cells), dimension));
      lowerBounds = new double[TILE_ROWS * Math.max(1, cells)];
      centroidNorms = new double[Math.max(1, cells)];
      marginScale = Points.screeningErrorScale(dimension);
    }

    /**
     * Fills {@link #lowerBounds} and {@link #centroidNorms} for {@code tile}, rows shifted by
     * {@code origin}, against the cells of {@code cells}.
     */
    void boundCentroids(CellPartition cells, Points tile, float[] origin) {
      cells.lowerBoundsToCentroids(
          tile, origin, shiftedCentroids, boundDots, lowerBounds, centroidNorms, marginScale);
    }

    /**
     * Returns the cells ordered by their centroids' distance from the origin of the last {@link
     * #boundCentroids} call, nearest first: the order that lowers the list thresholds soonest.
     */
    int[] cellsNearestFirst() {
      return IntStream.range(0, cellCount)
          .boxed()
          .sorted((first, second) -> Double.compare(centroidNorms[first], centroidNorms[second]))
          .mapToInt(Integer::intValue)
          .toArray();
    }
  }

  /**
   * The search of every row's nearest other rows. Each cell first compares its rows with each
   * other, then visits the other cells nearest first, and compares with each only the rows that
   * still need it.
   */
  private static final class SelfSearch {
    private final CellPartition cells;
    private final Points points;
    private final CandidateLists candidates;
    private final CandidateLists.ExactDistance exact;
    private final Workspace workspace;

    /**
     * Bit {@code a * cells + b}: cell {@code a}'s lists already saw every row of cell {@code b}.
     */
    private final BitSet covered;

    SelfSearch(CellPartition cells, CandidateLists candidates, CandidateLists.ExactDistance exact) {
      this.cells = cells;
      this.points = cells.points();
      this.candidates = candidates;
      this.exact = exact;
      this.workspace = new Workspace(points.dimension(), cells.cellCount());
      this.covered = new BitSet(Math.multiplyExact(cells.cellCount(), cells.cellCount()));
    }

    void run() {
      int cellCount = cells.cellCount();
      for (int cell = 0; cell < cellCount; cell++) {
        int[] ids = cells.rowsOf(cell);
        float[] origin = cells.centroid(cell);
        Points tile = points.gatherShifted(ids, origin, workspace.rows);
        Tile own = Tile.compute(tile, ids, tile, ids, workspace);
        IntStream.range(0, own.rowCount())
            .parallel()
            .forEach(i -> own.offerRow(i, candidates, true, exact, workspace.marginScale));
        if (cellCount == 1) {
          continue;
        }
        workspace.boundCentroids(cells, tile, origin);
        for (int other : workspace.cellsNearestFirst()) {
          if (other != cell && !covered.get(cell * cellCount + other)) {
            compareWith(tile, ids, origin, cell, other);
          }
        }
      }
    }

    private void compareWith(Points tile, int[] ids, float[] origin, int cell, int other) {
      int[] needing = rowsNeeding(tile, ids, cells, other, candidates, workspace);
      if (needing.length == 0) {
        return;
      }
      int[] otherIds = cells.rowsOf(other);
      Points otherTile = points.gatherShifted(otherIds, origin, workspace.columns);
      // A cell visited before this one has already offered its rows whatever they need of this
      // one, and a list must not see the same row twice, so only a later cell takes whole pairs.
      if (other > cell && needing.length >= WHOLE_PAIR_SHARE * ids.length) {
        Tile block = Tile.compute(tile, ids, otherTile, otherIds, workspace);
        double marginScale = workspace.marginScale;
        IntStream.of(needing)
            .parallel()
            .forEach(i -> block.offerRow(i, candidates, false, exact, marginScale));
        IntStream.range(0, groupCount(block.columnCount()))
            .parallel()
            .forEach(
                group -> block.offerColumns(group * COLUMN_GROUP, candidates, exact, marginScale));
        covered.set(other * cells.cellCount() + cell);
      } else {
        TileRows selected = TileRows.select(tile, ids, needing, workspace.subset);
        Tile block = Tile.compute(selected.points, selected.ids, otherTile, otherIds, workspace);
        IntStream.range(0, block.rowCount())
            .parallel()
            .forEach(i -> block.offerRow(i, candidates, false, exact, workspace.marginScale));
      }
    }
  }

  /** Rows of a gathered tile with their original indices. */
  private record TileRows(Points points, int[] ids) {

    /**
     * Returns the rows of {@code tile} at {@code positions}: the tile itself when that is all of
     * them, else a copy into {@code scratch}.
     */
    static TileRows select(Points tile, int[] ids, int[] positions, FloatBuffer scratch) {
      if (positions.length == ids.length) {
        return new TileRows(tile, ids);
      }
      return new TileRows(tile.gather(positions, scratch), idsAt(ids, positions));
    }
  }

  /**
   * The dot products of gathered rows of one point set (the tile's rows) with gathered rows of
   * another (its columns), with the original row indices of both. GEMM writes them to a direct
   * buffer, and the scans read a heap copy, which the JIT compiles to plain array loads.
   */
  private record Tile(Points rows, int[] rowIds, Points columns, int[] columnIds, float[] dots) {

    static Tile compute(
        Points rows, int[] rowIds, Points columns, int[] columnIds, Workspace workspace) {
      int rowCount = rows.rows();
      int columnCount = columns.rows();
      Blas.sgemmTransposedB(
          rowCount,
          columnCount,
          rows.dimension(),
          1f,
          rows.values(),
          0,
          columns.values(),
          0,
          0f,
          workspace.dots);
      workspace.dots.get(0, workspace.dotValues, 0, rowCount * columnCount);
      return new Tile(rows, rowIds, columns, columnIds, workspace.dotValues);
    }

    int rowCount() {
      return rows.rows();
    }

    int columnCount() {
      return columns.rows();
    }

    /**
     * Offers the columns of tile row {@code i} to the list of that row.
     *
     * <p>The screened distance {@code u = |x|^2 + |y|^2 - 2 x.y} of a pair is within {@code e =
     * marginScale (|x|^2 + |y|^2)} of its exact distance. After this tile, the row's list contains
     * no pair farther than its current threshold. Nor does it contain a pair farther than the k-th
     * smallest {@code u + e} of the tile, because k columns of the tile are at most that far. That
     * second bound is computed only while the list is not full. A column whose {@code u - e}
     * exceeds the smaller of the two bounds is therefore skipped, and the exact distance decides
     * for every other one. The tests run as {@code s |y|^2 - 2 x.y} against the bound minus {@code
     * s |x|^2}, with {@code s} = {@code 1 - marginScale} or {@code 1 + marginScale}.
     */
    void offerRow(
        int i,
        CandidateLists candidates,
        boolean skipSelf,
        CandidateLists.ExactDistance exact,
        double marginScale) {
      int row = rowIds[i];
      double[] columnNorms = columns.squaredNorms();
      int columnCount = columnCount();
      int base = i * columnCount;
      double widen = 1 + marginScale;
      double shrink = 1 - marginScale;
      double rowNorm = rows.squaredNorms()[i];

      // A full list has a threshold near its final one, and the scan for the tile's bound would
      // cost more than the exact distances it saves.
      double tileBound = Double.POSITIVE_INFINITY;
      if (candidates.threshold(row) == Double.POSITIVE_INFINITY) {
        SmallestValues upper = new SmallestValues(candidates.capacity());
        for (int j = 0; j < columnCount; j++) {
          if (!(skipSelf && columnIds[j] == row)) {
            upper.add(widen * (rowNorm + columnNorms[j]) - 2.0 * dots[base + j]);
          }
        }
        tileBound = upper.largest();
      }

      double lowerRowNorm = shrink * rowNorm;
      double limit = Math.min(candidates.threshold(row), tileBound) - lowerRowNorm;
      for (int j = 0; j < columnCount; j++) {
        double lower = shrink * columnNorms[j] - 2.0 * dots[base + j];
        int column = columnIds[j];
        if (lower <= limit && !(skipSelf && column == row)) {
          double distance = exact.squaredDistance(row, column);
          if (candidates.admits(row, column, distance)) {
            candidates.offer(row, column, distance);
            limit = Math.min(candidates.threshold(row), tileBound) - lowerRowNorm;
          }
        }
      }
    }

    /**
     * Offers the tile rows to the lists of the columns {@code [firstColumn, firstColumn +
     * COLUMN_GROUP)}, reading the tile row by row so that each cache line serves several columns.
     * Candidates pass the same tests as in {@link #offerRow}, with rows and columns swapped.
     */
    void offerColumns(
        int firstColumn,
        CandidateLists candidates,
        CandidateLists.ExactDistance exact,
        double marginScale) {
      int lastColumn = Math.min(firstColumn + COLUMN_GROUP, columnCount());
      int groupSize = lastColumn - firstColumn;
      int columnCount = columnCount();
      int rowCount = rowCount();
      double widen = 1 + marginScale;
      double shrink = 1 - marginScale;
      double[] rowNorms = rows.squaredNorms();
      double[] columnNorms = columns.squaredNorms();

      double[] tileBounds = new double[groupSize];
      Arrays.fill(tileBounds, Double.POSITIVE_INFINITY);
      boolean anyListOpen = false;
      for (int j = firstColumn; j < lastColumn; j++) {
        anyListOpen |= candidates.threshold(columnIds[j]) == Double.POSITIVE_INFINITY;
      }
      if (anyListOpen) {
        SmallestValues[] upper = new SmallestValues[groupSize];
        for (int g = 0; g < groupSize; g++) {
          upper[g] = new SmallestValues(candidates.capacity());
        }
        for (int i = 0; i < rowCount; i++) {
          int base = i * columnCount;
          for (int j = firstColumn; j < lastColumn; j++) {
            upper[j - firstColumn].add(
                widen * (rowNorms[i] + columnNorms[j]) - 2.0 * dots[base + j]);
          }
        }
        for (int g = 0; g < groupSize; g++) {
          tileBounds[g] = upper[g].largest();
        }
      }

      double[] limits = new double[groupSize];
      for (int j = firstColumn; j < lastColumn; j++) {
        int g = j - firstColumn;
        limits[g] =
            Math.min(candidates.threshold(columnIds[j]), tileBounds[g]) - shrink * columnNorms[j];
      }
      for (int i = 0; i < rowCount; i++) {
        int base = i * columnCount;
        double lowerRowPart = shrink * rowNorms[i];
        for (int j = firstColumn; j < lastColumn; j++) {
          int g = j - firstColumn;
          double lower = lowerRowPart - 2.0 * dots[base + j];
          if (lower <= limits[g]) {
            int column = columnIds[j];
            double distance = exact.squaredDistance(column, rowIds[i]);
            if (candidates.admits(column, rowIds[i], distance)) {
              candidates.offer(column, rowIds[i], distance);
              limits[g] =
                  Math.min(candidates.threshold(column), tileBounds[g]) - shrink * columnNorms[j];
            }
          }
        }
      }
    }

    /**
     * Tests whether tile row {@code i} lies strictly inside the ball of one of the tile's columns,
     * whose squared radii {@code squaredRadii} lists by original row index. A test within the
     * rounding bound of a radius is settled on the unshifted {@code queries} and {@code centers}.
     */
    boolean isInsideAnyBall(
        int i, Points queries, Points centers, double[] squaredRadii, double marginScale) {
      double queryNorm = rows.squaredNorms()[i];
      double[] columnNorms = columns.squaredNorms();
      int columnCount = columnCount();
      int base = i * columnCount;
      for (int j = 0; j < columnCount; j++) {
        double approximate = queryNorm + columnNorms[j] - 2.0 * dots[base + j];
        double margin = marginScale * (queryNorm + columnNorms[j]);
        double radius = squaredRadii[columnIds[j]];
        if (approximate < radius - margin) {
          return true;
        }
        if (approximate <= radius + margin
            && queries.exactSquaredDistance(rowIds[i], centers, columnIds[j]) < radius) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * The {@code count} smallest of the values added, kept sorted. Adding costs one comparison for a
   * value above all of them, the common case once the first values are in.
   */
  private static final class SmallestValues {
    private final double[] values;
    private int size;

    SmallestValues(int count) {
      values = new double[count];
    }

    void add(double value) {
      int slot = size;
      if (size < values.length) {
        size++;
      } else if (!(value < values[slot - 1])) {
        return;
      } else {
        slot--;
      }
      while (slot > 0 && values[slot - 1] > value) {
        values[slot] = values[slot - 1];
        slot--;
      }
      values[slot] = value;
    }

    /** Returns the largest value kept when {@code count} values were added, else infinity. */
    double largest() {
      return size == values.length ? values[size - 1] : Double.POSITIVE_INFINITY;
    }
  }
}
