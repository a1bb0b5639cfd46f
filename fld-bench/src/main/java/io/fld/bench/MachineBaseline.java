package io.fld.bench;

import io.fld.core.linalg.Blas;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Optional;

/**
 * The speed of the two BLAS kernels that bound the metrics, measured in the same run as the
 * metrics, so that their times can be read against this machine rather than against figures from
 * another one. From the speeds follow floors: the time that a metric's unavoidable kernel work
 * takes at the measured speed.
 *
 * @param sgemmGflops single-precision GEMM of {@value #TILE_ROWS}-row tiles, as the k-NN kernels
 *     call it, in GFLOP/s
 * @param dsyrkGflops double-precision rank-k update of {@value #BLOCK_ROWS}-row blocks, as the
 *     covariance of FID calls it, in GFLOP/s
 */
record MachineBaseline(double sgemmGflops, double dsyrkGflops) {
  private static final int TILE_ROWS = 1024;
  private static final int BLOCK_ROWS = 4096;
  private static final int WARM_UP_CALLS = 3;
  private static final int TIMED_SGEMM_CALLS = 20;
  private static final int TIMED_DSYRK_CALLS = 8;
  private static final int FID_GEN_LIMIT = 50_000;
  private static final int FLD_GEN_LIMIT = 10_000;

  /** Measures both kernels on operands of {@code dimension} columns. */
  static MachineBaseline measure(int dimension) {
    return new MachineBaseline(sgemmGflops(dimension), dsyrkGflops(dimension));
  }

  /**
   * Returns the floor of {@code metricId} on the given case with default options. For FID it is the
   * two covariance updates in double precision. For precision and recall it is GEMM over every pair
   * of manifold rows and every pair of a query and a manifold row, which is what an exact search
   * without pruning computes. For FLD it is GEMM over the distances that its two fits and its two
   * test scorings read. Other metrics have none.
   */
  Optional<Double> floorSeconds(String metricId, int train, int test, int gen, int dimension) {
    return switch (metricId) {
      case "fid" -> Optional.of(covarianceSeconds(train + Math.min(gen, FID_GEN_LIMIT), dimension));
      case "fid_test" ->
          Optional.of(covarianceSeconds(test + Math.min(gen, FID_GEN_LIMIT), dimension));
      case "precision" -> Optional.of(allPairsSeconds(train, gen, dimension));
      case "recall" -> Optional.of(allPairsSeconds(gen, train, dimension));
      case "fld" -> Optional.of(fldSeconds(train, test, gen, dimension));
      default -> Optional.empty();
    };
  }

  /**
   * Returns the GEMM time of FLD's distances: the generated set, capped at {@value #FLD_GEN_LIMIT}
   * rows, against all training rows and all test rows, and the baseline's {@code k = min(gen, train
   * / 2)} training rows against the other training rows and all test rows.
   */
  private double fldSeconds(long train, long test, long gen, int dimension) {
    long components = Math.min(gen, FLD_GEN_LIMIT);
    long baseline = Math.min(components, train / 2);
    double pairs =
        (train + test) * (double) components + (train - baseline + test) * (double) baseline;
    return pairs * 2.0 * dimension / (sgemmGflops * 1e9);
  }

  private double covarianceSeconds(long rows, int dimension) {
    return rows * (double) dimension * (dimension + 1) / (dsyrkGflops * 1e9);
  }

  private double allPairsSeconds(long manifold, long queries, int dimension) {
    double pairs = manifold * (manifold - 1) / 2.0 + manifold * (double) queries;
    return pairs * 2.0 * dimension / (sgemmGflops * 1e9);
  }

  private static double sgemmGflops(int dimension) {
    FloatBuffer rows = filled(Blas.allocateDirect(2 * TILE_ROWS * dimension));
    FloatBuffer tile = Blas.allocateDirect(TILE_ROWS * TILE_ROWS);
    for (int call = 0; call < WARM_UP_CALLS; call++) {
      sgemmTile(rows, tile, dimension);
    }
    long start = System.nanoTime();
    for (int call = 0; call < TIMED_SGEMM_CALLS; call++) {
      sgemmTile(rows, tile, dimension);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return TIMED_SGEMM_CALLS * 2.0 * TILE_ROWS * TILE_ROWS * dimension / seconds / 1e9;
  }

  private static void sgemmTile(FloatBuffer rows, FloatBuffer tile, int dimension) {
    Blas.sgemmTransposedB(
        TILE_ROWS, TILE_ROWS, dimension, 1f, rows, 0, rows, TILE_ROWS * dimension, 0f, tile);
  }

  private static double dsyrkGflops(int dimension) {
    DoubleBuffer block = Blas.allocateDirectDoubles(BLOCK_ROWS * dimension);
    for (int i = 0; i < block.capacity(); i++) {
      block.put(i, Math.sin(i));
    }
    DoubleBuffer gram = Blas.allocateDirectDoubles(dimension * dimension);
    for (int call = 0; call < WARM_UP_CALLS; call++) {
      Blas.dsyrkTransposedUpper(dimension, BLOCK_ROWS, 1.0, block, 1.0, gram);
    }
    long start = System.nanoTime();
    for (int call = 0; call < TIMED_DSYRK_CALLS; call++) {
      Blas.dsyrkTransposedUpper(dimension, BLOCK_ROWS, 1.0, block, 1.0, gram);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return TIMED_DSYRK_CALLS * (double) BLOCK_ROWS * dimension * (dimension + 1) / seconds / 1e9;
  }

  private static FloatBuffer filled(FloatBuffer buffer) {
    for (int i = 0; i < buffer.capacity(); i++) {
      buffer.put(i, (float) Math.sin(i));
    }
    return buffer;
  }

  String format() {
    return sgemmGflops + " " + dsyrkGflops;
  }

  static MachineBaseline parse(String line) {
    String[] parts = line.trim().split(" ");
    return new MachineBaseline(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
  }
}
