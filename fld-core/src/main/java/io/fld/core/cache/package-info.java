/**
 * The feature cache: feature matrices stored per extractor, model checksum, preprocessing version
 * and input fingerprint, written atomically, verified on read, and resumable batch by batch.
 */
package io.fld.core.cache;
