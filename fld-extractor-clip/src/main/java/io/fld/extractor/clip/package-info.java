/** The CLIP ViT-B/32 image extractor. */
package io.fld.extractor.clip;
