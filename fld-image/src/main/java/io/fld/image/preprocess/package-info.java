/**
 * Exact reproductions of the reference preprocessing: Pillow's bicubic resampling, torchvision's
 * resize, crop and normalization, and torch's bilinear interpolation.
 */
package io.fld.image.preprocess;
