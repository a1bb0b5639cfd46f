/**
 * Network inference shared by the image extractors: ONNX models through ONNX Runtime, TorchScript
 * models through DJL's PyTorch engine, chosen by file content. An extractor module defines an
 * {@link io.fld.image.inference.ImageExtractorSpec} (id, model entry, preprocessing) and
 * contributes an {@link io.fld.image.inference.ImageExtractorProvider} for it from its plugin.
 */
package io.fld.image.inference;
