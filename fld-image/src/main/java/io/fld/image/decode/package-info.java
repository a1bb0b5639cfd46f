/**
 * Image decoding to 8-bit RGB by content, with the conversion rules of the reference pipeline and a
 * pixel limit against decompression bombs.
 */
package io.fld.image.decode;
