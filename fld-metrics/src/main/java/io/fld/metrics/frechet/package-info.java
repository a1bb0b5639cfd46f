/**
 * The Fréchet distance between Gaussians fitted to two feature sets, and the FID metrics built on
 * it ({@code fid} against the training set, {@code fid_test} against the test set).
 */
package io.fld.metrics.frechet;
