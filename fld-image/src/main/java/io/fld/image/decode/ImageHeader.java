package io.fld.image.decode;

/**
 * What an image header tells before its pixels are decoded.
 *
 * @param format the container format, recognized by content
 * @param width the width in pixels
 * @param height the height in pixels
 */
public record ImageHeader(ImageFormat format, int width, int height) {}
