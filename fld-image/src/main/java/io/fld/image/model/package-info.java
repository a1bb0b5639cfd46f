/**
 * Model files of the extractors: where each comes from, the model folder, downloads verified by
 * SHA-256 and atomic installation.
 */
package io.fld.image.model;
