/**
 * Tests for generated samples that copy training samples: the AuthPct share of authentic samples
 * ({@code authpct}) and the C_T data-copying test ({@code ct}), with the k-means, principal
 * component and Mann-Whitney pieces the latter is built from.
 */
package io.fld.metrics.copying;
