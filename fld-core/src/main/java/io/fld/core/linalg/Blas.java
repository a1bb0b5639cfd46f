package io.fld.core.linalg;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.openblas.global.openblas;

/**
 * Dense linear algebra through OpenBLAS and its LAPACK, loaded from the JavaCPP presets on Maven
 * Central (native libraries inside the jars, nothing downloaded at run time).
 *
 * <p>OpenBLAS is called directly rather than through ND4J: the kernels need only GEMM and a
 * symmetric eigensolver, ND4J 1.0.0-M2.1 brings a large graph of non-modular jars into a JPMS
 * build, and the direct calls leave the memory layout, and so the peak memory, under our control.
 * All matrices are row-major arrays.
 */
public final class Blas {
  private Blas() {}

  /**
   * Computes {@code c = alpha * a * b^T + beta * c} in single precision, where {@code a} is {@code
   * m x k} and {@code b} is {@code n x k}, both row-major with the given row offsets.
   */
  public static void sgemmTransposedB(
      int m,
      int n,
      int k,
      float alpha,
      float[] a,
      int aOffset,
      float[] b,
      int bOffset,
      float beta,
      float[] c) {
    checkLength("a", a, aOffset + (long) m * k);
    checkLength("b", b, bOffset + (long) n * k);
    checkLength("c", c, (long) m * n);
    if (m == 0 || n == 0) {
      return;
    }
    // Heap buffers with an offset are passed as the array plus position; JavaCPP mishandles
    // sliced buffers, so never pass FloatBuffer.slice() here.
    openblas.cblas_sgemm(
        openblas.CblasRowMajor,
        openblas.CblasNoTrans,
        openblas.CblasTrans,
        m,
        n,
        k,
        alpha,
        FloatBuffer.wrap(a, aOffset, m * k),
        k,
        FloatBuffer.wrap(b, bOffset, n * k),
        k,
        beta,
        FloatBuffer.wrap(c, 0, m * n),
        n);
  }

  /**
   * Computes {@code c = alpha * a * b^T + beta * c} in single precision like {@link
   * #sgemmTransposedB(int, int, int, float, float[], int, float[], int, float, float[])}, with all
   * three matrices in direct buffers: {@code a} and {@code b} start at the element offsets {@code
   * aOffset} and {@code bOffset}, and {@code c} at element 0. OpenBLAS reads and writes direct
   * buffers in place, whereas JavaCPP 1.5.8 copies a heap array whole on every call. One 1024 x
   * 1024 x 128 tile took 3 ms from a 2048-row array and 55 to 105 ms from a 100000-row one, so
   * tiles of a large matrix should come from direct buffers.
   *
   * @throws IllegalArgumentException if a buffer is not direct or too short
   */
  public static void sgemmTransposedB(
      int m,
      int n,
      int k,
      float alpha,
      FloatBuffer a,
      int aOffset,
      FloatBuffer b,
      int bOffset,
      float beta,
      FloatBuffer c) {
    if (!a.isDirect() || !b.isDirect() || !c.isDirect()) {
      throw new IllegalArgumentException("a, b and c must be direct buffers");
    }
    checkLength("a", a.capacity(), aOffset + (long) m * k);
    checkLength("b", b.capacity(), bOffset + (long) n * k);
    checkLength("c", c.capacity(), (long) m * n);
    if (m == 0 || n == 0) {
      return;
    }
    openblas.cblas_sgemm(
        openblas.CblasRowMajor,
        openblas.CblasNoTrans,
        openblas.CblasTrans,
        m,
        n,
        k,
        alpha,
        a.duplicate().position(aOffset),
        k,
        b.duplicate().position(bOffset),
        k,
        beta,
        c.duplicate().position(0),
        n);
  }

  /**
   * Computes {@code y = alpha * op(a) * x + beta * y} in single precision, where {@code a} is a
   * row-major {@code m x n} matrix and {@code op(a)} is {@code a} or, with {@code transpose}, its
   * transpose. All three are direct buffers read from element 0.
   *
   * @throws IllegalArgumentException if a buffer is not direct or too short
   */
  public static void sgemv(
      boolean transpose,
      int m,
      int n,
      float alpha,
      FloatBuffer a,
      FloatBuffer x,
      float beta,
      FloatBuffer y) {
    if (!a.isDirect() || !x.isDirect() || !y.isDirect()) {
      throw new IllegalArgumentException("a, x and y must be direct buffers");
    }
    checkLength("a", a.capacity(), (long) m * n);
    checkLength("x", x.capacity(), transpose ? m : n);
    checkLength("y", y.capacity(), transpose ? n : m);
    if (m == 0 || n == 0) {
      return;
    }
    openblas.cblas_sgemv(
        openblas.CblasRowMajor,
        transpose ? openblas.CblasTrans : openblas.CblasNoTrans,
        m,
        n,
        alpha,
        a.duplicate().position(0),
        n,
        x.duplicate().position(0),
        1,
        beta,
        y.duplicate().position(0),
        1);
  }

  /** Allocates a zeroed direct buffer of {@code length} floats in the platform's byte order. */
  public static FloatBuffer allocateDirect(int length) {
    return java.nio.ByteBuffer.allocateDirect(Math.multiplyExact(length, Float.BYTES))
        .order(java.nio.ByteOrder.nativeOrder())
        .asFloatBuffer();
  }

  /**
   * Computes {@code c = alpha * a^T * b + beta * c} in double precision, where {@code a} is {@code
   * k x m} and {@code b} is {@code k x n}, row-major. With {@code a == b} this is a Gram matrix,
   * the core of a covariance.
   */
  public static void dgemmTransposedA(
      int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
    checkLength("a", a.length, (long) k * m);
    checkLength("b", b.length, (long) k * n);
    checkLength("c", c.length, (long) m * n);
    openblas.cblas_dgemm(
        openblas.CblasRowMajor,
        openblas.CblasTrans,
        openblas.CblasNoTrans,
        m,
        n,
        k,
        alpha,
        a,
        m,
        b,
        n,
        beta,
        c,
        n);
  }

  /**
   * Computes {@code c = alpha * a * b + beta * c} in double precision for row-major {@code m x k}
   * {@code a} and {@code k x n} {@code b}.
   */
  public static void dgemm(
      int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c) {
    checkLength("a", a.length, (long) m * k);
    checkLength("b", b.length, (long) k * n);
    checkLength("c", c.length, (long) m * n);
    openblas.cblas_dgemm(
        openblas.CblasRowMajor,
        openblas.CblasNoTrans,
        openblas.CblasNoTrans,
        m,
        n,
        k,
        alpha,
        a,
        k,
        b,
        n,
        beta,
        c,
        n);
  }

  /**
   * Computes the eigenvalues, in ascending order, and optionally the eigenvectors of the symmetric
   * {@code n x n} matrix {@code a}. With vectors requested, {@code a} is overwritten by them: row
   * {@code i}, column {@code j} contains component {@code i} of eigenvector {@code j}. Otherwise
   * {@code a} is destroyed.
   *
   * @throws ArithmeticException if LAPACK's divide-and-conquer solver does not converge
   */
  public static double[] symmetricEigen(double[] a, int n, boolean vectors) {
    checkLength("a", a.length, (long) n * n);
    double[] eigenvalues = new double[n];
    int info =
        openblas.LAPACKE_dsyevd(
            openblas.LAPACK_ROW_MAJOR,
            (byte) (vectors ? 'V' : 'N'),
            (byte) 'U',
            n,
            a,
            n,
            eigenvalues);
    if (info != 0) {
      throw new ArithmeticException(
          "symmetric eigendecomposition of a " + n + " x " + n + " matrix failed, info=" + info);
    }
    return eigenvalues;
  }

  /**
   * Factors the symmetric positive definite {@code n x n} matrix {@code a} as {@code L L^T} in
   * place: on success its lower triangle contains {@code L}, and its strictly upper triangle is
   * left as it was.
   *
   * @return false if {@code a} is not positive definite to working precision, in which case its
   *     contents are undefined
   * @throws ArithmeticException if LAPACK rejects an argument
   */
  public static boolean cholesky(double[] a, int n) {
    checkLength("a", a.length, (long) n * n);
    int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_ROW_MAJOR, (byte) 'L', n, a, n);
    if (info < 0) {
      throw new ArithmeticException("Cholesky factorization rejected argument " + -info);
    }
    return info == 0;
  }

  /**
   * Overwrites the row-major {@code n x n} matrix {@code b} with {@code L^T b L}, where {@code L}
   * is the lower triangle of the row-major {@code n x n} matrix {@code lower}, whose strictly upper
   * triangle is ignored. For symmetric {@code b} the result is symmetric up to rounding.
   */
  public static void congruenceByLower(double[] lower, double[] b, int n) {
    checkLength("lower", lower.length, (long) n * n);
    checkLength("b", b.length, (long) n * n);
    openblas.cblas_dtrmm(
        openblas.CblasRowMajor,
        openblas.CblasRight,
        openblas.CblasLower,
        openblas.CblasNoTrans,
        openblas.CblasNonUnit,
        n,
        n,
        1.0,
        lower,
        n,
        b,
        n);
    openblas.cblas_dtrmm(
        openblas.CblasRowMajor,
        openblas.CblasLeft,
        openblas.CblasLower,
        openblas.CblasTrans,
        openblas.CblasNonUnit,
        n,
        n,
        1.0,
        lower,
        n,
        b,
        n);
  }

  /**
   * Computes the upper triangle of {@code c = alpha * a^T * a + beta * c} in double precision,
   * where {@code a} is row-major {@code k x n} and {@code c} is {@code n x n}. This is the Gram
   * matrix of a covariance at half the cost of {@link #dgemmTransposedA}; the strictly lower
   * triangle of {@code c} is left untouched.
   */
  public static void dsyrkTransposedUpper(
      int n, int k, double alpha, double[] a, double beta, double[] c) {
    checkLength("a", a.length, (long) k * n);
    checkLength("c", c.length, (long) n * n);
    if (n == 0 || k == 0) {
      return;
    }
    openblas.cblas_dsyrk(
        openblas.CblasRowMajor,
        openblas.CblasUpper,
        openblas.CblasTrans,
        n,
        k,
        alpha,
        a,
        n,
        beta,
        c,
        n);
  }

  /**
   * Computes the upper triangle of {@code c = alpha * a^T * a + beta * c} like {@link
   * #dsyrkTransposedUpper(int, int, double, double[], double, double[])}, with both matrices in
   * direct buffers, which OpenBLAS reads and writes in place.
   *
   * @throws IllegalArgumentException if a buffer is not direct or too short
   */
  public static void dsyrkTransposedUpper(
      int n, int k, double alpha, DoubleBuffer a, double beta, DoubleBuffer c) {
    if (!a.isDirect() || !c.isDirect()) {
      throw new IllegalArgumentException("a and c must be direct buffers");
    }
    checkLength("a", a.capacity(), (long) k * n);
    checkLength("c", c.capacity(), (long) n * n);
    if (n == 0 || k == 0) {
      return;
    }
    openblas.cblas_dsyrk(
        openblas.CblasRowMajor,
        openblas.CblasUpper,
        openblas.CblasTrans,
        n,
        k,
        alpha,
        a.duplicate().position(0),
        n,
        beta,
        c.duplicate().position(0),
        n);
  }

  /** Allocates a zeroed direct buffer of {@code length} doubles in the platform's byte order. */
  public static DoubleBuffer allocateDirectDoubles(int length) {
    return java.nio.ByteBuffer.allocateDirect(Math.multiplyExact(length, Double.BYTES))
        .order(java.nio.ByteOrder.nativeOrder())
        .asDoubleBuffer();
  }

  /** Returns the version of the bundled OpenBLAS, such as {@code OpenBLAS 0.3.21}. */
  public static String version() {
    return openblas.OPENBLAS_VERSION.trim();
  }

  private static void checkLength(String name, float[] array, long needed) {
    checkLength(name, array.length, needed);
  }

  private static void checkLength(String name, long length, long needed) {
    if (length < needed) {
      throw new IllegalArgumentException(
          "array " + name + " has " + length + " values, needs " + needed);
    }
  }
}
