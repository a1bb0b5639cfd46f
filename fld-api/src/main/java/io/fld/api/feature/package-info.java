/**
 * Feature matrices: one row per sample, as produced by a feature extractor or read from a feature
 * file, with the provenance of the samples.
 */
package io.fld.api.feature;
