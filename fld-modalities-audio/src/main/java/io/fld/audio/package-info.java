/**
 * The audio modality plugin: {@link io.fld.audio.AudioFolderSource} and {@link
 * io.fld.audio.ArrayAudioSource} provide {@link io.fld.api.sample.AudioClip} samples, and {@link
 * io.fld.audio.VggishExtractor} maps each clip to a 128-d VGGish embedding through ONNX Runtime.
 * {@link io.fld.audio.AudioPlugin} contributes both to the tool.
 */
package io.fld.audio;
