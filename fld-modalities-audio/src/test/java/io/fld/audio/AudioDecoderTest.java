package io.fld.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.sample.AudioClip;
import io.fld.audio.decode.AudioDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioDecoderTest {
  private static final int PCM = 1;
  private static final int FLOAT = 3;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tone440_16k_pcm16",
        "tone440_16k_pcm24",
        "tone440_16k_pcm32",
        "tone440_16k_float",
        "tone440_44k1_stereo_pcm16"
      })
  void referenceFilesDecodeToExpectedWaveform(String name) throws IOException {
    AudioClip clip = Resources.clip(name + ".wav");
    Npy expected = Npy.resource(name + ".waveform.npy");
    assertEquals(expected.values().length, clip.samples().length, "sample count");
    for (int i = 0; i < clip.samples().length; i++) {
      assertEquals((float) expected.values()[i], clip.samples()[i], 0f, "sample " + i);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "tone440_44k1_stereo_pcm16, 44100",
    "alsa_Front_Center, 48000",
    "speech_espeak, 22050",
    "noise_8k_pcm16, 8000"
  })
  void referenceSampleRates(String name, int rate) {
    assertEquals(rate, Resources.clip(name + ".wav").sampleRate());
  }

  @Test
  void unsignedEightBit() {
    WavBytes wav = WavBytes.riff().fmt(PCM, 1, 8000, 8);
    byte[] data = wav.samples(1, 0, 64, 128, 192, 255);
    AudioClip clip = decode(wav.chunk("data", data).bytes());
    assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f, 127 / 128f}, clip.samples());
  }

  @Test
  void bigEndianRifx24Bit() {
    WavBytes wav = WavBytes.rifx().fmt(PCM, 1, 16000, 24);
    byte[] data = wav.samples(3, -8388608, 4194304, -1);
    AudioClip clip = decode(wav.chunk("data", data).bytes());
    assertArrayEquals(new float[] {-1f, 0.5f, -1 / 8388608f}, clip.samples());
  }

  @Test
  void littleEndian32BitPcm() {
    WavBytes wav = WavBytes.riff().fmt(PCM, 1, 16000, 32);
    byte[] data = wav.samples(4, Integer.MIN_VALUE, 1 << 30);
    assertArrayEquals(new float[] {-1f, 0.5f}, decode(wav.chunk("data", data).bytes()).samples());
  }

  @Test
  void float64Samples() {
    WavBytes wav = WavBytes.riff().fmt(FLOAT, 1, 16000, 64);
    byte[] data = wav.doubles(0.25, -0.75);
    assertArrayEquals(
        new float[] {0.25f, -0.75f}, decode(wav.chunk("data", data).bytes()).samples());
  }

  @Test
  void extensiblePcmWithThreeChannelsAveraged() {
    WavBytes wav = WavBytes.riff().extensibleFmt(PCM, 3, 48000, 16);
    byte[] data = wav.samples(2, 3000, 6000, 9000, -300, -600, -900);
    AudioClip clip = decode(wav.chunk("data", data).bytes());
    assertEquals(48000, clip.sampleRate());
    assertArrayEquals(new float[] {6000 / 32768f, -600 / 32768f}, clip.samples());
  }

  @Test
  void extensibleFloat() {
    WavBytes wav = WavBytes.riff().extensibleFmt(FLOAT, 2, 16000, 32);
    byte[] data = wav.floats(0.5f, 0.25f);
    assertArrayEquals(new float[] {0.375f}, decode(wav.chunk("data", data).bytes()).samples());
  }

  @Test
  void unknownChunksAndOddPaddingSkipped() {
    WavBytes wav = WavBytes.riff().chunk("junk", new byte[] {1, 2, 3});
    wav.fmt(PCM, 1, 8000, 8).chunk("LIST", new byte[] {9, 9, 9, 9, 9});
    byte[] data = wav.samples(1, 128, 255, 0);
    AudioClip clip = decode(wav.chunk("data", data).chunk("id3 ", new byte[7]).bytes());
    assertArrayEquals(new float[] {0f, 127 / 128f, -1f}, clip.samples());
  }

  @Test
  void rf64TakesDataSizeFromDs64() {
    WavBytes wav = WavBytes.rf64();
    ByteBuffer ds64 = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
    ds64.putLong(100).putLong(4).putLong(2).putInt(0);
    wav.chunk("ds64", ds64.array()).fmt(PCM, 1, 16000, 16);
    byte[] data = wav.samples(2, 16384, -16384);
    byte[] file = wav.chunk("data", data, 0xFFFF_FFFFL).chunk("LIST", new byte[4]).bytes();
    assertArrayEquals(new float[] {0.5f, -0.5f}, decode(file).samples());
  }

  @Test
  void mappedFileDecodesLikeBytes(@TempDir Path folder) throws IOException {
    for (String name : List.of("tone440_44k1_stereo_pcm16.wav", "tone440_16k_pcm24.wav")) {
      Path file = Resources.copyTo(folder, name, name);
      AudioClip fromFile = AudioDecoder.decode(file, name);
      AudioClip fromBytes = AudioDecoder.decode(Resources.wavBytes(name), name);
      assertEquals(fromBytes.sampleRate(), fromFile.sampleRate(), name);
      assertArrayEquals(fromBytes.samples(), fromFile.samples(), name);
      AudioDecoder.checkHeader(file, name);
    }
  }

  @Test
  void streamingSizeReadsToEnd() {
    WavBytes wav = WavBytes.riff().fmt(PCM, 1, 16000, 16);
    byte[] data = wav.samples(2, 16384, -16384, 8192);
    byte[] file = wav.chunk("data", data, 0xFFFF_FFFFL).bytes();
    assertArrayEquals(new float[] {0.5f, -0.5f, 0.25f}, decode(file).samples());
  }

  @Test
  void truncatedDataIsRejected() {
    byte[] full = Resources.wavBytes("tone440_16k_pcm16.wav");
    byte[] truncated = Arrays.copyOf(full, full.length / 2);
    String message = error(truncated);
    assertTrue(message.startsWith("clip.wav: "), message);
    assertTrue(message.contains("truncated"), message);
  }

  @Test
  void headerOnlyFileIsRejected() {
    byte[] full = Resources.wavBytes("tone440_16k_pcm16.wav");
    String message = error(Arrays.copyOf(full, 20));
    assertTrue(message.contains("truncated"), message);
  }

  @Test
  void zeroSampleFileIsRejected() {
    WavBytes wav = WavBytes.riff().fmt(PCM, 1, 16000, 16);
    String message = error(wav.chunk("data", new byte[0]).bytes());
    assertTrue(message.contains("no audio samples"), message);
  }

  @Test
  void emptyFileIsRejected() {
    assertTrue(error(new byte[0]).contains("empty"));
  }

  @Test
  void nonFiniteFloatSampleIsRejected() {
    WavBytes wav = WavBytes.riff().fmt(FLOAT, 1, 16000, 32);
    String message = error(wav.chunk("data", wav.floats(0.1f, Float.NaN)).bytes());
    assertTrue(message.contains("sample 1"), message);
    assertTrue(message.contains("NaN"), message);
  }

  @Test
  void unsupportedEncodingNamesTag() {
    WavBytes wav = WavBytes.riff().fmt(7, 1, 8000, 8);
    String message = error(wav.chunk("data", new byte[4]).bytes());
    assertTrue(message.contains("0x0007"), message);
  }

  @ParameterizedTest
  @CsvSource({
    "664C6143000000220000000000000000, FLAC",
    "4F676753000200000000000000000000, Ogg",
    "49443304000000000000000000000000, MP3",
    "FFFB9064000000000000000000000000, MP3",
    "464F524D000000004149464600000000, AIFF"
  })
  void otherFormatsNameFormatAndConversion(String hex, String format) {
    String message = error(HexFormat.of().parseHex(hex));
    assertTrue(message.startsWith("clip.wav: the file is " + format), message);
    assertTrue(message.contains("ffmpeg"), message);
  }

  @Test
  void garbageIsUnknownFormat() {
    String message =
        error("this is plain text, not audio".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(message.startsWith("clip.wav: unknown audio format"), message);
    assertTrue(message.contains("74 68 69 73"), message);
  }

  private static AudioClip decode(byte[] bytes) {
    return AudioDecoder.decode(bytes, "clip.wav");
  }

  private static String error(byte[] bytes) {
    return assertThrows(InvalidInputException.class, () -> decode(bytes)).getMessage();
  }
}
