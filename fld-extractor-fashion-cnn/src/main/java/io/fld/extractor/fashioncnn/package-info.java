/**
 * The {@code fashion-cnn} extractor: a small convolutional classifier trained on Fashion-MNIST,
 * whose ONNX model ships inside this jar. It makes the bundled demo run offline in seconds; its
 * numbers are not comparable with those of the {@code dinov2} extractor.
 */
package io.fld.extractor.fashioncnn;
