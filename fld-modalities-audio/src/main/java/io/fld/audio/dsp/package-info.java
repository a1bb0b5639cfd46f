/**
 * Signal processing for audio features: a radix-2 FFT, a Kaiser-windowed sinc resampler, HTK mel
 * filters and the VGGish log-mel front end.
 */
package io.fld.audio.dsp;
