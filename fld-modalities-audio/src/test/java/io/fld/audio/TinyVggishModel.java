package io.fld.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a small ONNX model with the VGGish signature for tests: log-mel patches {@code [N, 96,
 * 64]} (or {@code [N, 1, 96, 64]}) are flattened by Reshape to {@code [N, 6144]}, multiplied by a
 * fixed pseudo-random {@code 6144 x 128} matrix and squashed by Tanh to {@code [N, 128]}. The
 * protobuf bytes of ModelProto are written by hand, following onnx.proto (IR version 8, opset 13).
 */
public final class TinyVggishModel {
  private static final int PATCH_VALUES = 96 * 64;
  private static final int EMBEDDING = 128;
  private static final long WEIGHT_SEED = 20_240_611L;

  /** Pre-activations have a standard deviation of about |x| / 4 for inputs of norm |x|. */
  private static final double WEIGHT_SCALE = 0.25 / Math.sqrt(PATCH_VALUES);

  private static final int TENSOR_FLOAT = 1;
  private static final int TENSOR_INT64 = 7;
  private static final int WIRE_VARINT = 0;
  private static final int WIRE_BYTES = 2;

  private TinyVggishModel() {}

  /** Writes the model to {@code file}; {@code channelAxis} selects the 4-D input layout. */
  public static Path write(Path file, boolean channelAxis) throws IOException {
    Files.write(file, model(channelAxis));
    return file;
  }

  /** Returns the embedding the model computes for one flattened patch, in double precision. */
  static double[] reference(float[] flatPatch) {
    float[] weights = weights();
    double[] output = new double[EMBEDDING];
    for (int j = 0; j < EMBEDDING; j++) {
      double sum = 0;
      for (int i = 0; i < PATCH_VALUES; i++) {
        sum += flatPatch[i] * (double) weights[i * EMBEDDING + j];
      }
      output[j] = Math.tanh(sum);
    }
    return output;
  }

  private static byte[] model(boolean channelAxis) {
    Message opset = new Message().varint(2, 13);
    return new Message()
        .varint(1, 8)
        .string(2, "fld-tests")
        .message(7, graph(channelAxis))
        .message(8, opset)
        .bytes();
  }

  private static Message graph(boolean channelAxis) {
    long[] inputShape = channelAxis ? new long[] {-1, 1, 96, 64} : new long[] {-1, 96, 64};
    return new Message()
        .message(1, node("Reshape", "reshape", "flat", "patches", "flat_shape"))
        .message(1, node("MatMul", "project", "projected", "flat", "weights"))
        .message(1, node("Tanh", "squash", "embedding", "projected"))
        .string(2, "tiny_vggish")
        .message(5, int64Tensor("flat_shape", new long[] {-1, PATCH_VALUES}))
        .message(5, floatTensor("weights", weights(), PATCH_VALUES, EMBEDDING))
        .message(11, valueInfo("patches", inputShape))
        .message(12, valueInfo("embedding", new long[] {-1, EMBEDDING}));
  }

  private static Message node(String opType, String name, String output, String... inputs) {
    Message node = new Message();
    for (String input : inputs) {
      node.string(1, input);
    }
    return node.string(2, output).string(3, name).string(4, opType);
  }

  private static Message int64Tensor(String name, long[] values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (long value : values) {
      raw.putLong(value);
    }
    return new Message()
        .varint(1, values.length)
        .varint(2, TENSOR_INT64)
        .string(8, name)
        .raw(9, raw.array());
  }

  private static Message floatTensor(String name, float[] values, int rows, int columns) {
    ByteBuffer raw =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      raw.putFloat(value);
    }
    return new Message()
        .varint(1, rows)
        .varint(1, columns)
        .varint(2, TENSOR_FLOAT)
        .string(8, name)
        .raw(9, raw.array());
  }

  /** Builds a float tensor ValueInfoProto; a negative dimension becomes the symbolic batch "N". */
  private static Message valueInfo(String name, long[] shape) {
    Message dims = new Message();
    for (long dim : shape) {
      Message dimension = dim < 0 ? new Message().string(2, "N") : new Message().varint(1, dim);
      dims.message(1, dimension);
    }
    Message tensorType = new Message().varint(1, TENSOR_FLOAT).message(2, dims);
    return new Message().string(1, name).message(2, new Message().message(1, tensorType));
  }

  private static float[] weights() {
    Random random = new Random(WEIGHT_SEED);
    float[] weights = new float[PATCH_VALUES * EMBEDDING];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) (random.nextGaussian() * WEIGHT_SCALE);
    }
    return weights;
  }

  /** A protobuf message under construction: fields appended in wire format. */
  private static final class Message {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Message varint(int field, long value) {
      tag(field, WIRE_VARINT);
      writeVarint(value);
      return this;
    }

    Message string(int field, String value) {
      return raw(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Message message(int field, Message value) {
      return raw(field, value.bytes());
    }

    Message raw(int field, byte[] value) {
      tag(field, WIRE_BYTES);
      writeVarint(value.length);
      out.writeBytes(value);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }

    private void tag(int field, int wireType) {
      writeVarint(((long) field << 3) | wireType);
    }

    /** Writes a base-128 varint; negative values take ten bytes, as protobuf encodes int64. */
    private void writeVarint(long value) {
      long remaining = value;
      while ((remaining & ~0x7FL) != 0) {
        out.write((int) ((remaining & 0x7F) | 0x80));
        remaining >>>= 7;
      }
      out.write((int) remaining);
    }
  }
}
