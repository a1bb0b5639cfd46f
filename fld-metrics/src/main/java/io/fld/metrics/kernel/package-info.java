/**
 * Kernel two-sample statistics: the unbiased squared maximum mean discrepancy with the cubic
 * polynomial kernel, and the KID metrics built on it ({@code kid} against the training set, {@code
 * kid_test} against the test set).
 */
package io.fld.metrics.kernel;
