package io.fld.image.decode;

/**
 * The format and dimensions of an image, read from its header before any pixel is decoded.
 *
 * @param format the container format, recognized by content
 * @param width the width in pixels
 * @param height the height in pixels
 */
public record ImageHeader(ImageFormat format, int width, int height) {}
