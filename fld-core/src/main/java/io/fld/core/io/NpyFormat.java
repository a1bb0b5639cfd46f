package io.fld.core.io;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes numpy's {@code .npy} format, versions 1.0, 2.0 and 3.0. The header is a Python
 * dict literal with the keys {@code descr}, {@code fortran_order} and {@code shape}; it is parsed
 * as a literal and never evaluated, and object arrays are rejected rather than unpickled.
 */
final class NpyFormat {
  /** The six bytes every {@code .npy} file starts with. */
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  /** Magic plus the major and minor version bytes. */
  private static final int PREAMBLE_BYTES = 8;

  private static final int VERSION_1_LENGTH_BYTES = 2;
  private static final int VERSION_2_LENGTH_BYTES = 4;
  private static final int VERSION_1_MAX_HEADER = 0xffff;

  /** The alignment numpy pads the header to, so that the data starts at a multiple of it. */
  private static final int HEADER_ALIGNMENT = 64;

  /** The maximum header length accepted; numpy writes under 200 bytes for a 2-D array. */
  static final int MAX_HEADER_BYTES = 1 << 20;

  private static final String OBJECT_ADVICE =
      " stores Python objects (dtype 'O'), which could only be read by unpickling, and this"
          + " reader never unpickles; save a numeric array with np.save(path,"
          + " arr.astype(np.float32))";

  private NpyFormat() {}

  /** The parsed header: the layout of the data and the number of bytes before it. */
  record Header(ArrayLayout layout, long dataOffset) {}

  /**
   * Reads one {@code .npy} array from {@code channel}.
   *
   * @param source the file, and the archive member where the array is one, for messages
   * @param provenance the provenance of the returned features
   * @param totalBytes the size of the {@code .npy} data in bytes, or -1 when unknown
   * @param container what {@code totalBytes} measures in messages, such as "file" or "member"
   */
  static FeatureSet read(
      ReadableByteChannel channel,
      String source,
      FeatureProvenance provenance,
      long totalBytes,
      String container)
      throws IOException {
    Header header = readHeader(channel, source);
    ArrayLayout layout = header.layout();

    if (totalBytes >= 0) {
      requireLength(source, header, totalBytes, container);
    }
    float[] values = MatrixDecoder.read(channel, layout, source);
    return FeatureSet.wrap(values, layout.rows(), layout.columns(), provenance);
  }

  /** Reads the magic, version and header dict, leaving the channel at the first data byte. */
  static Header readHeader(ReadableByteChannel channel, String source) throws IOException {
    ByteBuffer preamble = readExactly(channel, PREAMBLE_BYTES, source, "the magic and version");
    for (byte expected : MAGIC) {
      if (preamble.get() != expected) {
        throw new InvalidInputException(
            source
                + " is not a .npy file: it does not start with the bytes \\x93NUMPY; save the"
                + " features with np.save");
      }
    }
    int major = Byte.toUnsignedInt(preamble.get());
    int minor = Byte.toUnsignedInt(preamble.get());

    int lengthBytes = headerLengthBytes(source, major, minor);
    ByteBuffer lengthBuffer = readExactly(channel, lengthBytes, source, "the length");
    lengthBuffer.order(ByteOrder.LITTLE_ENDIAN);
    long headerLength =
        lengthBytes == VERSION_1_LENGTH_BYTES
            ? Short.toUnsignedInt(lengthBuffer.getShort())
            : Integer.toUnsignedLong(lengthBuffer.getInt());
    if (headerLength > MAX_HEADER_BYTES) {
      throw new InvalidInputException(
          source
              + ": the header claims "
              + headerLength
              + " bytes, more than the "
              + MAX_HEADER_BYTES
              + " a feature matrix needs; the file is damaged, write it again");
    }

    ByteBuffer headerBytes = readExactly(channel, (int) headerLength, source, "the dict");
    Charset charset = major >= 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    String text = charset.decode(headerBytes).toString();
    ArrayLayout layout = parseHeader(source, text);
    return new Header(layout, PREAMBLE_BYTES + lengthBytes + headerLength);
  }

  private static int headerLengthBytes(String source, int major, int minor) {
    if (minor != 0 || major < 1 || major > 3) {
      throw new InvalidInputException(
          source
              + ": .npy format version "
              + major
              + "."
              + minor
              + " is not supported; supported versions are 1.0, 2.0 and 3.0. Save the file"
              + " with np.save from numpy 1.x or 2.x");
    }
    return major == 1 ? VERSION_1_LENGTH_BYTES : VERSION_2_LENGTH_BYTES;
  }

  private static ByteBuffer readExactly(
      ReadableByteChannel channel, int count, String source, String part) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(count);
    MatrixDecoder.readFully(channel, buffer);
    if (buffer.hasRemaining()) {
      throw new InvalidInputException(
          source + " is truncated: it ends inside " + part + " of its .npy header; write it again");
    }
    return buffer.flip();
  }

  /** Parses the header dict into a layout, rejecting anything that is not a numeric matrix. */
  static ArrayLayout parseHeader(String source, String text) {
    Map<?, ?> dict = parseDict(source, text);
    Object descr = requireKey(source, dict, "descr");
    Object fortranOrder = requireKey(source, dict, "fortran_order");
    Object shapeValue = requireKey(source, dict, "shape");

    if (!(fortranOrder instanceof Boolean columnMajor)) {
      throw invalidHeader(
          source,
          "'fortran_order' is " + LiteralFormatter.python(fortranOrder) + ", not True or False");
    }
    long[] shape = parseShape(source, shapeValue);
    if (descr instanceof List<?>) {
      throw new InvalidInputException(
          source
              + " stores a structured array (dtype "
              + LiteralFormatter.python(descr)
              + "); save one plain numeric 2-D array instead, for example with"
              + " numpy.lib.recfunctions.structured_to_unstructured(arr).astype(np.float32)");
    }
    if (!(descr instanceof String typeCode)) {
      throw invalidHeader(
          source,
          "'descr' is "
              + LiteralFormatter.python(descr)
              + ", not a type string such as '<f4' or a list of fields");
    }
    Dtype dtype = parseDtype(source, typeCode);

    Shapes.requireMatrix(source, shape);
    return ArrayLayout.of(source, dtype.type(), dtype.order(), shape, columnMajor);
  }

  private static Map<?, ?> parseDict(String source, String text) {
    Object parsed;
    try {
      parsed = LiteralParser.parse(text);
    } catch (LiteralParser.SyntaxException e) {
      throw invalidHeader(source, e.getMessage());
    }
    if (!(parsed instanceof Map<?, ?> dict)) {
      throw invalidHeader(source, "it is not a dict");
    }
    return dict;
  }

  private static Object requireKey(String source, Map<?, ?> dict, String key) {
    if (!dict.containsKey(key)) {
      throw invalidHeader(source, "the key '" + key + "' is missing");
    }
    return dict.get(key);
  }

  private static long[] parseShape(String source, Object value) {
    if (!(value instanceof LiteralParser.Tuple) && !(value instanceof List<?>)) {
      throw invalidHeader(
          source, "'shape' is " + LiteralFormatter.python(value) + ", not a tuple of integers");
    }
    List<?> items = value instanceof LiteralParser.Tuple tuple ? tuple.items() : (List<?>) value;
    long[] shape = new long[items.size()];
    for (int i = 0; i < shape.length; i++) {
      if (!(items.get(i) instanceof Long length) || length < 0) {
        throw invalidHeader(
            source, "'shape' contains " + LiteralFormatter.python(items.get(i)) + ", not a length");
      }
      shape[i] = length;
    }
    return shape;
  }

  /** An element type with its byte order. */
  private record Dtype(ElementType type, ByteOrder order) {}

  /**
   * Parses a numpy type string such as {@code <f4}, {@code >f8} or {@code |u1}: a byte-order
   * character, a kind character and the size in bytes.
   */
  private static Dtype parseDtype(String source, String code) {
    if (code.length() < 2) {
      throw unsupportedDtype(source, code);
    }
    char orderCharacter = code.charAt(0);
    String kindAndSize = "<>|=".indexOf(orderCharacter) >= 0 ? code.substring(1) : code;
    ByteOrder order =
        switch (orderCharacter) {
          case '>' -> ByteOrder.BIG_ENDIAN;
          case '=' -> ByteOrder.nativeOrder();
          default -> ByteOrder.LITTLE_ENDIAN;
        };

    if (kindAndSize.startsWith("O")) {
      throw new InvalidInputException(source + OBJECT_ADVICE);
    }
    ElementType type =
        switch (kindAndSize) {
          case "f2" -> ElementType.FLOAT16;
          case "f4" -> ElementType.FLOAT32;
          case "f8" -> ElementType.FLOAT64;
          case "i1" -> ElementType.INT8;
          case "i2" -> ElementType.INT16;
          case "i4" -> ElementType.INT32;
          case "i8" -> ElementType.INT64;
          case "u1", "b1" -> ElementType.UINT8;
          case "u2" -> ElementType.UINT16;
          case "u4" -> ElementType.UINT32;
          case "u8" -> ElementType.UINT64;
          default -> throw unsupportedDtype(source, code);
        };
    return new Dtype(type, order);
  }

  private static InvalidInputException unsupportedDtype(String source, String code) {
    return new InvalidInputException(
        source
            + ": dtype "
            + LiteralFormatter.python(code)
            + " is not supported; supported are float16, float32, float64, bool and the"
            + " signed and unsigned integers of 1 to 8 bytes. Save the features with"
            + " np.save(path, arr.astype(np.float32))");
  }

  private static void requireLength(
      String source, Header header, long totalBytes, String container) {
    ArrayLayout layout = header.layout();
    long expected = header.dataOffset() + layout.dataBytes();
    if (totalBytes == expected) {
      return;
    }
    String described =
        "shape "
            + layout.shapeText()
            + " of "
            + layout.type().displayName()
            + " needs "
            + expected
            + " bytes";
    if (totalBytes < expected) {
      throw new InvalidInputException(
          source
              + " is truncated: "
              + described
              + " but the "
              + container
              + " has "
              + totalBytes
              + " bytes; write it again");
    }
    throw new InvalidInputException(
        source
            + " is damaged: "
            + described
            + " but the "
            + container
            + " has "
            + totalBytes
            + " bytes, more than its header describes; write it again");
  }

  private static InvalidInputException invalidHeader(String source, String problem) {
    return new InvalidInputException(
        source
            + ": invalid .npy header ("
            + problem
            + "); the file is damaged or was not written by numpy, write it again with np.save");
  }

  /** Writes {@code features} as a float32, little-endian, C-order {@code .npy} array. */
  static void write(WritableByteChannel channel, FeatureSet features) throws IOException {
    channel.write(encodeHeader(features.rows(), features.dimension()));
    FloatChunks.write(channel, features);
  }

  /** Returns the number of bytes {@link #write} produces for {@code features}. */
  static long encodedLength(FeatureSet features) {
    long data = (long) features.rows() * features.dimension() * Float.BYTES;
    return encodeHeader(features.rows(), features.dimension()).remaining() + data;
  }

  /**
   * Encodes magic, version and header dict, padded with spaces so that the data starts at a
   * multiple of {@value #HEADER_ALIGNMENT} bytes. Version 1.0 is used unless the header exceeds its
   * 65535-byte limit.
   */
  static ByteBuffer encodeHeader(int rows, int columns) {
    String dict =
        "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + columns + "), }";
    int unpadded = dict.length() + 1;
    int lengthBytes =
        unpadded + HEADER_ALIGNMENT > VERSION_1_MAX_HEADER
            ? VERSION_2_LENGTH_BYTES
            : VERSION_1_LENGTH_BYTES;
    int prefix = PREAMBLE_BYTES + lengthBytes;
    int padding = (HEADER_ALIGNMENT - (prefix + unpadded) % HEADER_ALIGNMENT) % HEADER_ALIGNMENT;
    String header = dict + " ".repeat(padding) + "\n";

    ByteBuffer buffer = ByteBuffer.allocate(prefix + header.length());
    buffer.order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(MAGIC);
    buffer.put((byte) (lengthBytes == VERSION_1_LENGTH_BYTES ? 1 : 2));
    buffer.put((byte) 0);
    if (lengthBytes == VERSION_1_LENGTH_BYTES) {
      buffer.putShort((short) header.length());
    } else {
      buffer.putInt(header.length());
    }
    buffer.put(header.getBytes(StandardCharsets.ISO_8859_1));
    return buffer.flip();
  }
}
