package io.fld.audio;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.AudioClip;
import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleCursor;
import io.fld.api.sample.SampleSource;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Audio clips held in memory, such as the output of a generator, as a sample source. The arrays are
 * copied on construction. Samples are named {@code clip-00000}, {@code clip-00001} and so on.
 */
public final class ArrayAudioSource implements SampleSource<AudioClip> {
  private final String description;
  private final List<AudioClip> clips;

  /**
   * Creates a source from mono waveforms that share one sample rate.
   *
   * @param description how the source appears in messages and provenance
   * @param waveforms the clips, each in [-1, 1]
   * @param sampleRate samples per second of every clip
   * @throws InvalidInputException if there are no clips, a clip is empty, or a sample is NaN or
   *     infinite; the message names the clip and sample
   */
  public ArrayAudioSource(String description, List<float[]> waveforms, int sampleRate) {
    this.description = Objects.requireNonNull(description, "description");
    if (waveforms.isEmpty()) {
      throw new InvalidInputException(description + ": no audio clips given; pass at least one");
    }
    if (sampleRate < 1) {
      throw new InvalidInputException(
          description + ": sample rate must be positive, got " + sampleRate);
    }
    List<AudioClip> copies = new ArrayList<>(waveforms.size());
    for (int i = 0; i < waveforms.size(); i++) {
      float[] waveform = waveforms.get(i);
      requireValid(waveform, i);
      copies.add(new AudioClip(waveform.clone(), sampleRate));
    }
    this.clips = List.copyOf(copies);
  }

  /** Creates a source named {@code "in-memory audio"} from the given waveforms. */
  public static ArrayAudioSource of(int sampleRate, float[]... waveforms) {
    return new ArrayAudioSource("in-memory audio", List.of(waveforms), sampleRate);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public int size() {
    return clips.size();
  }

  @Override
  public Class<AudioClip> sampleType() {
    return AudioClip.class;
  }

  /** Returns the SHA-256 of the sample rate, the clip lengths and every sample's bits. */
  @Override
  public String fingerprint() {
    MessageDigest digest = Checksums.sha256();
    ByteBuffer header = ByteBuffer.allocate(Integer.BYTES * 2);
    header.putInt(clips.get(0).sampleRate()).putInt(clips.size());
    digest.update(header.array());
    for (AudioClip clip : clips) {
      ByteBuffer bytes = ByteBuffer.allocate(Integer.BYTES + Float.BYTES * clip.samples().length);
      bytes.putInt(clip.samples().length);
      for (float sample : clip.samples()) {
        bytes.putFloat(sample);
      }
      digest.update(bytes.array());
    }
    return "sha256:" + Checksums.hex(digest);
  }

  @Override
  public SampleCursor<AudioClip> open() {
    return new ListCursor<>(clips.size(), this::sample, ArrayAudioSource::name);
  }

  private Sample<AudioClip> sample(int index) {
    AudioClip clip = clips.get(index);
    return new Sample<>(name(index), new AudioClip(clip.samples().clone(), clip.sampleRate()));
  }

  private static String name(int index) {
    return String.format(Locale.ROOT, "clip-%05d", index);
  }

  private void requireValid(float[] waveform, int index) {
    Objects.requireNonNull(waveform, "waveform " + index);
    if (waveform.length == 0) {
      throw new InvalidInputException(
          description + ": clip " + index + " has no samples; remove it or supply audio");
    }
    for (int s = 0; s < waveform.length; s++) {
      if (!Float.isFinite(waveform[s])) {
        throw new InvalidInputException(
            description
                + ": clip "
                + index
                + " has the non-finite value "
                + waveform[s]
                + " at sample "
                + s
                + "; repair or drop that clip");
      }
    }
  }
}
