package io.fld.core.io;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the {@code .safetensors} format: an 8-byte little-endian header length, a JSON
 * header that maps each tensor name to its dtype, shape and byte range, then the little-endian
 * tensor data. The optional {@code __metadata__} entry is ignored on reading.
 */
final class SafetensorsFormat {
  /** The header entry that contains free-form string metadata rather than a tensor. */
  static final String METADATA_KEY = "__metadata__";

  private static final int LENGTH_PREFIX_BYTES = 8;

  /** The largest header accepted, the same limit as the safetensors reference library. */
  static final long MAX_HEADER_BYTES = 100_000_000;

  /** The alignment of the data start that the writer pads the header to. */
  private static final int HEADER_ALIGNMENT = 8;

  private SafetensorsFormat() {}

  /** One tensor as the header describes it; offsets count from the first data byte. */
  private record TensorEntry(String key, String dtype, long[] shape, long begin, long end) {}

  /** The parsed header: the tensors in header order and where the data starts in the file. */
  private record Header(List<TensorEntry> tensors, long dataStart) {
    List<String> keys() {
      return tensors.stream().map(TensorEntry::key).toList();
    }
  }

  /** Returns the tensor names, in header order, without {@value #METADATA_KEY}. */
  static List<String> keys(Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      return readHeader(channel, path.toString()).keys();
    }
  }

  /** Reads the tensor named {@code requested}, or the only tensor when it is null. */
  static FeatureSet read(Path path, String requested, FeatureProvenance provenance)
      throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      String file = path.toString();
      Header header = readHeader(channel, file);
      String key = ArrayKeys.select(file, header.keys(), requested);
      TensorEntry tensor =
          header.tensors().stream().filter(entry -> entry.key().equals(key)).findFirst().get();
      String source = header.tensors().size() == 1 ? file : file + " (tensor '" + key + "')";

      ArrayLayout layout = layoutOf(source, tensor);
      channel.position(header.dataStart() + tensor.begin());
      float[] values = MatrixDecoder.read(channel, layout, source);
      return FeatureSet.wrap(values, layout.rows(), layout.columns(), provenance);
    }
  }

  private static Header readHeader(FileChannel channel, String file) throws IOException {
    long fileSize = channel.size();
    ByteBuffer prefix = ByteBuffer.allocate(LENGTH_PREFIX_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    MatrixDecoder.readFully(channel, prefix);
    if (prefix.hasRemaining()) {
      throw new InvalidInputException(
          file
              + " is truncated: it has "
              + fileSize
              + " bytes, fewer than the 8-byte header"
              + " length of a .safetensors file; write it again");
    }
    long headerLength = prefix.flip().getLong();
    if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
      throw invalidHeader(
          file, "the header length " + Long.toUnsignedString(headerLength) + " is out of range");
    }
    long dataStart = LENGTH_PREFIX_BYTES + headerLength;
    if (dataStart > fileSize) {
      throw new InvalidInputException(
          file
              + " is truncated: its header needs "
              + dataStart
              + " bytes but the file has "
              + fileSize
              + " bytes; write it again");
    }

    ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
    MatrixDecoder.readFully(channel, headerBytes);
    String text = StandardCharsets.UTF_8.decode(headerBytes.flip()).toString();
    List<TensorEntry> tensors = parseTensors(file, text);
    requireData(file, tensors, dataStart, fileSize);
    return new Header(tensors, dataStart);
  }

  private static List<TensorEntry> parseTensors(String file, String text) {
    Object parsed;
    try {
      parsed = LiteralParser.parse(text);
    } catch (LiteralParser.SyntaxException e) {
      throw invalidHeader(file, e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> entries)) {
      throw invalidHeader(file, "it is not a JSON object");
    }

    List<TensorEntry> tensors = new ArrayList<>();
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      String key = (String) entry.getKey();
      if (!key.equals(METADATA_KEY)) {
        tensors.add(parseTensor(file, key, entry.getValue()));
      }
    }
    return tensors;
  }

  private static TensorEntry parseTensor(String file, String key, Object value) {
    String where = "tensor '" + key + "'";
    if (!(value instanceof Map<?, ?> fields)) {
      throw invalidHeader(file, where + " is not a JSON object");
    }
    if (!(fields.get("dtype") instanceof String dtype)) {
      throw invalidHeader(file, where + " has no string 'dtype'");
    }
    long[] shape = longs(file, where + " 'shape'", fields.get("shape"));
    long[] offsets = longs(file, where + " 'data_offsets'", fields.get("data_offsets"));
    if (offsets.length != 2 || offsets[0] > offsets[1]) {
      throw invalidHeader(file, where + " 'data_offsets' is not a [begin, end] pair");
    }
    return new TensorEntry(key, dtype, shape, offsets[0], offsets[1]);
  }

  private static long[] longs(String file, String what, Object value) {
    if (!(value instanceof List<?> items)) {
      throw invalidHeader(file, what + " is missing or not a list");
    }
    long[] numbers = new long[items.size()];
    for (int i = 0; i < numbers.length; i++) {
      if (!(items.get(i) instanceof Long number) || number < 0) {
        throw invalidHeader(
            file, what + " contains " + LiteralFormatter.json(items.get(i)) + ", not a count");
      }
      numbers[i] = number;
    }
    return numbers;
  }

  private static void requireData(
      String file, List<TensorEntry> tensors, long dataStart, long fileSize) {
    long dataEnd = tensors.stream().mapToLong(TensorEntry::end).max().orElse(0);
    long expected = dataStart + dataEnd;
    if (fileSize < expected) {
      throw new InvalidInputException(
          file
              + " is truncated: its header describes "
              + expected
              + " bytes but the file has "
              + fileSize
              + " bytes; write it again");
    }
  }

  private static ArrayLayout layoutOf(String source, TensorEntry tensor) {
    ElementType type =
        switch (tensor.dtype()) {
          case "F16" -> ElementType.FLOAT16;
          case "BF16" -> ElementType.BFLOAT16;
          case "F32" -> ElementType.FLOAT32;
          case "F64" -> ElementType.FLOAT64;
          default ->
              throw new InvalidInputException(
                  source
                      + ": dtype "
                      + tensor.dtype()
                      + " is not supported; supported are F16, BF16, F32 and F64. Save the"
                      + " features as floating point, for example tensor.float()");
        };
    Shapes.requireMatrix(source, tensor.shape());
    ArrayLayout layout =
        ArrayLayout.of(source, type, ByteOrder.LITTLE_ENDIAN, tensor.shape(), false);

    long stored = tensor.end() - tensor.begin();
    if (stored != layout.dataBytes()) {
      throw invalidHeader(
          source,
          "shape "
              + layout.shapeText()
              + " of "
              + tensor.dtype()
              + " needs "
              + layout.dataBytes()
              + " bytes but 'data_offsets' spans "
              + stored);
    }
    return layout;
  }

  private static InvalidInputException invalidHeader(String source, String problem) {
    return new InvalidInputException(
        source
            + ": invalid .safetensors header ("
            + problem
            + "); the file is damaged or not a safetensors file, write it again");
  }

  /** Writes each array as an F32 tensor named after its key, in map order. */
  static void write(WritableByteChannel channel, Map<String, FeatureSet> arrays)
      throws IOException {
    byte[] header = encodeHeader(arrays).getBytes(StandardCharsets.UTF_8);
    ByteBuffer prefix = ByteBuffer.allocate(LENGTH_PREFIX_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    prefix.putLong(header.length).flip();
    writeFully(channel, prefix);
    writeFully(channel, ByteBuffer.wrap(header));

    for (FeatureSet features : arrays.values()) {
      FloatChunks.write(channel, features);
    }
  }

  private static void writeFully(WritableByteChannel channel, ByteBuffer buffer)
      throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Builds the JSON header, padded with spaces so that the data starts 8-byte aligned. */
  private static String encodeHeader(Map<String, FeatureSet> arrays) {
    StringBuilder json = new StringBuilder("{");
    long offset = 0;
    for (Map.Entry<String, FeatureSet> array : arrays.entrySet()) {
      ArrayKeys.requireValid(array.getKey(), METADATA_KEY);
      FeatureSet features = array.getValue();
      long bytes = (long) features.rows() * features.dimension() * Float.BYTES;
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(JsonStrings.quote(array.getKey()))
          .append(":{\"dtype\":\"F32\",\"shape\":[")
          .append(features.rows())
          .append(',')
          .append(features.dimension())
          .append("],\"data_offsets\":[")
          .append(offset)
          .append(',')
          .append(offset + bytes)
          .append("]}");
      offset += bytes;
    }
    json.append('}');

    int utf8Length = json.toString().getBytes(StandardCharsets.UTF_8).length;
    int padding = (HEADER_ALIGNMENT - utf8Length % HEADER_ALIGNMENT) % HEADER_ALIGNMENT;
    return json + " ".repeat(padding);
  }
}
