/**
 * Samples and where they come from: folders, archives, arrays in memory and generators.
 *
 * <p>A modality plugin adds a {@link io.fld.api.sample.SampleSourceProvider} for its files and a
 * sample type such as {@link io.fld.api.sample.AudioClip}; extractors declare the sample type they
 * read.
 */
package io.fld.api.sample;
