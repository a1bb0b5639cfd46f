/**
 * Audio file decoding. {@link io.fld.audio.decode.AudioDecoder} detects the format by content and
 * decodes WAV to mono float samples; other formats are rejected with a conversion hint.
 */
package io.fld.audio.decode;
