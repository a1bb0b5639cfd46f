/**
 * Feature extractors. An extractor plugin implements {@link
 * io.fld.api.extract.FeatureExtractorProvider}; core handles batching, caching and progress.
 */
package io.fld.api.extract;
