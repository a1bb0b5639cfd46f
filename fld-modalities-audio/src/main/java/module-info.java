/**
 * The audio modality of FLD for the JVM: folders of WAV files and in-memory arrays as sample
 * sources, resampling to 16 kHz, the VGGish log-mel front end and the VGGish extractor through ONNX
 * Runtime. Core finds it at run time as an {@link io.fld.api.plugin.FldPlugin}.
 */
module io.fld.audio {
  requires transitive io.fld.api;
  requires com.microsoft.onnxruntime;

  exports io.fld.audio;
  exports io.fld.audio.decode;
  exports io.fld.audio.dsp;

  provides io.fld.api.plugin.FldPlugin with
      io.fld.audio.AudioPlugin;
}
