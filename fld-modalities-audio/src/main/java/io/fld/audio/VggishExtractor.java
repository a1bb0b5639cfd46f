package io.fld.audio;

import ai.onnxruntime.OrtException;
import io.fld.api.InvalidInputException;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.sample.AudioClip;
import io.fld.audio.dsp.KaiserSincResampler;
import io.fld.audio.dsp.VggishFrontEnd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The VGGish audio embedding: each clip is averaged to mono upstream, resampled to 16 kHz with
 * {@link KaiserSincResampler}, cut into 0.96 s log-mel patches by {@link VggishFrontEnd}, and each
 * patch is embedded by the network; the clip's feature is the mean of its patch embeddings (128
 * values). {@link #patchEmbeddings} gives the embeddings of every patch instead.
 *
 * <p>The ONNX Runtime session opens on the first call that needs it and closes with {@link
 * #close()}. Instances may be called from one thread at a time.
 */
public final class VggishExtractor implements FeatureExtractor<AudioClip> {
  /** The extractor id. */
  public static final String ID = "vggish";

  /** Peak amplitude at or below which a clip counts as silent: one 16-bit quantization step. */
  public static final double SILENCE_PEAK = 1.0 / 32768;

  private static final String PREPROCESSING_VERSION = "v1";
  private static final KaiserSincResampler RESAMPLER = new KaiserSincResampler();
  private static final System.Logger LOG = System.getLogger(VggishExtractor.class.getName());

  private final Path modelFile;
  private final int batchSize;
  private final int threads;
  private final String device;
  private final ShortClipPolicy shortClips;
  private final VggishFrontEnd frontEnd = new VggishFrontEnd();
  private VggishModel model;
  private String checksum;
  private boolean closed;

  /**
   * Creates an extractor; nothing is loaded until the first extraction.
   *
   * @param modelFile the VGGish ONNX file
   * @param batchSize patches per inference call
   * @param threads intra-op threads, or 0 for the runtime's default
   * @param device {@code cpu} or {@code cuda}
   * @param shortClips what to do with clips shorter than one patch
   */
  public VggishExtractor(
      Path modelFile, int batchSize, int threads, String device, ShortClipPolicy shortClips) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    this.modelFile = modelFile;
    this.batchSize = batchSize;
    this.threads = threads;
    this.device = device;
    this.shortClips = shortClips;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public int dimension() {
    return VggishModel.EMBEDDING_SIZE;
  }

  @Override
  public Class<AudioClip> sampleType() {
    return AudioClip.class;
  }

  @Override
  public String preprocessing() {
    return "vggish-logmel-16k/"
        + PREPROCESSING_VERSION
        + ";resample=kaiser-sinc-64x512;short="
        + shortClips.label()
        + ";pool=mean";
  }

  /** Returns the SHA-256 of the model file, computed once on first call. */
  @Override
  public synchronized String modelChecksum() {
    if (checksum == null) {
      try {
        checksum = Checksums.fileSha256(modelFile);
      } catch (IOException e) {
        throw new UncheckedIOException(modelFile + ": cannot read the model file", e);
      }
    }
    return checksum;
  }

  /** Resamples a clip to the 16 kHz the front end reads. */
  public static double[] waveformAt16k(AudioClip clip) {
    return RESAMPLER.resample(clip.samples(), clip.sampleRate(), VggishFrontEnd.SAMPLE_RATE);
  }

  /**
   * Returns the {@code patches x 96 x 64} log-mel examples of a clip, after the short-clip policy.
   *
   * @throws InvalidInputException if the clip is too short and the policy is {@code reject}
   */
  public float[][][] patches(AudioClip clip) {
    double[] waveform = waveformAt16k(clip);
    if (waveform.length < VggishFrontEnd.MIN_PATCH_SAMPLES) {
      if (shortClips == ShortClipPolicy.REJECT) {
        throw new InvalidInputException(
            String.format(
                Locale.ROOT,
                "a clip of %.3f s is shorter than %s; drop the clip or pad it with the extractor"
                    + " option short-clips=pad",
                clip.seconds(),
                minimumLength()));
      }
      waveform = Arrays.copyOf(waveform, VggishFrontEnd.MIN_PATCH_SAMPLES);
    }
    return frontEnd.examples(waveform);
  }

  /**
   * Returns the length one example needs, for messages: the 96 frames of a patch span 0.96 s of
   * hops, but the last 25 ms frame reaches 15 ms further, so a clip needs 15600 samples at 16 kHz,
   * 0.975 s.
   */
  static String minimumLength() {
    return String.format(
        Locale.ROOT,
        "the %.3f s (%d samples at 16 kHz) that one VGGish example needs",
        VggishFrontEnd.MIN_PATCH_SAMPLES / (double) VggishFrontEnd.SAMPLE_RATE,
        VggishFrontEnd.MIN_PATCH_SAMPLES);
  }

  /** Returns the warning for a file that the {@code pad} policy will zero-pad. */
  static String shortFileWarning(Object file, double seconds) {
    return String.format(
        Locale.ROOT,
        "%s lasts %.3f s, shorter than %s; the vggish extractor zero-pads it unless the extractor"
            + " option short-clips=reject is given, so give clips of at least that length for"
            + " faithful features",
        file,
        seconds,
        minimumLength());
  }

  /** Returns the summary warning for the clips of one extraction call that were zero-padded. */
  static String paddedClipsWarning(int padded, int count) {
    return padded
        + " of "
        + count
        + " clips are shorter than "
        + minimumLength()
        + " and were zero-padded to that length; give longer clips for faithful features";
  }

  /** Returns the embedding of every patch of a clip, {@code patches x 128}. */
  public float[][] patchEmbeddings(AudioClip clip) throws IOException {
    return embedAll(patches(clip));
  }

  /**
   * Returns whether a clip, once resampled to 16 kHz, is shorter than one full patch (15600
   * samples), so that the short-clip policy applies to it.
   */
  public static boolean isShort(AudioClip clip) {
    long at16k = (long) clip.samples().length * VggishFrontEnd.SAMPLE_RATE / clip.sampleRate();
    return at16k < VggishFrontEnd.MIN_PATCH_SAMPLES;
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidInputException if a clip contains a NaN or infinite sample, or is too short
   *     under the {@code reject} policy
   */
  @Override
  public float[][] extract(List<AudioClip> clips) throws IOException {
    if (clips.isEmpty()) {
      return new float[0][];
    }
    requireFinite(clips);
    List<float[][][]> perClip = new ArrayList<>(clips.size());
    int total = 0;
    int silent = 0;
    int padded = 0;
    for (AudioClip clip : clips) {
      silent += isSilent(clip) ? 1 : 0;
      padded += isShort(clip) ? 1 : 0;
      float[][][] clipPatches = patches(clip);
      perClip.add(clipPatches);
      total += clipPatches.length;
    }
    warnAboutDegenerateClips(clips.size(), silent, padded);

    float[][][] all = new float[total][][];
    int offset = 0;
    for (float[][][] clipPatches : perClip) {
      System.arraycopy(clipPatches, 0, all, offset, clipPatches.length);
      offset += clipPatches.length;
    }
    return meanPerClip(perClip, embedAll(all));
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (model == null) {
      return;
    }
    try {
      model.close();
    } catch (OrtException e) {
      LOG.log(Level.WARNING, "closing the VGGish session failed; it is abandoned", e);
    }
    model = null;
  }

  private float[][] embedAll(float[][][] patches) throws IOException {
    VggishModel session = session();
    float[][] embeddings = new float[patches.length][];
    try {
      for (int start = 0; start < patches.length; start += batchSize) {
        int end = Math.min(patches.length, start + batchSize);
        float[][] batch = session.embed(Arrays.copyOfRange(patches, start, end));
        System.arraycopy(batch, 0, embeddings, start, batch.length);
      }
    } catch (OrtException e) {
      throw new IOException(modelFile + ": VGGish inference failed: " + e.getMessage(), e);
    }
    return embeddings;
  }

  private synchronized VggishModel session() throws IOException {
    if (closed) {
      throw new IllegalStateException("the vggish extractor is closed");
    }
    if (model == null) {
      try {
        model = VggishModel.open(modelFile, threads, device);
      } catch (OrtException e) {
        throw new IOException(modelFile + ": cannot open the VGGish model: " + e.getMessage(), e);
      }
    }
    return model;
  }

  private static float[][] meanPerClip(List<float[][][]> perClip, float[][] embeddings) {
    float[][] features = new float[perClip.size()][];
    int row = 0;
    for (int c = 0; c < perClip.size(); c++) {
      int count = perClip.get(c).length;
      double[] sum = new double[VggishModel.EMBEDDING_SIZE];
      for (int p = 0; p < count; p++, row++) {
        for (int j = 0; j < sum.length; j++) {
          sum[j] += embeddings[row][j];
        }
      }
      features[c] = new float[sum.length];
      for (int j = 0; j < sum.length; j++) {
        features[c][j] = (float) (sum[j] / count);
      }
    }
    return features;
  }

  private static boolean isSilent(AudioClip clip) {
    for (float sample : clip.samples()) {
      if (Math.abs(sample) > SILENCE_PEAK) {
        return false;
      }
    }
    return true;
  }

  private static void requireFinite(List<AudioClip> clips) {
    for (int c = 0; c < clips.size(); c++) {
      float[] samples = clips.get(c).samples();
      for (int i = 0; i < samples.length; i++) {
        if (!Float.isFinite(samples[i])) {
          throw new InvalidInputException(
              "clip "
                  + c
                  + " of this batch has the non-finite value "
                  + samples[i]
                  + " at sample "
                  + i
                  + "; repair or drop that clip before extracting features");
        }
      }
    }
  }

  private void warnAboutDegenerateClips(int count, int silent, int padded) {
    if (silent > 0) {
      LOG.log(
          Level.WARNING,
          "{0} of {1} clips are silent (peak at most one 16-bit step); their VGGish features are"
              + " those of silence, so check the inputs if that is unexpected",
          silent,
          count);
    }
    if (padded > 0) {
      LOG.log(Level.WARNING, () -> paddedClipsWarning(padded, count));
    }
  }
}
