/** The Inception-v3 (FID) image extractor. */
package io.fld.extractor.inception;
