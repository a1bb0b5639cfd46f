/** The DINOv2 ViT-B/14 image extractor. */
package io.fld.extractor.dinov2;
