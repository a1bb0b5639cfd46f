/**
 * ONNX Runtime inference shared by the image extractors. An extractor module defines an {@link
 * io.fld.image.onnx.ImageExtractorSpec} (id, model entry, preprocessing) and contributes an {@link
 * io.fld.image.onnx.OnnxExtractorProvider} for it from its plugin.
 */
package io.fld.image.onnx;
