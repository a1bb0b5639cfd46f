package io.fld.image.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes tiny ONNX models for tests, directly as protocol buffer bytes (onnx.proto field numbers),
 * so that no Python exporter is needed. The graphs mimic the real extractors' inputs and outputs:
 * an image batch {@code [N, 3, H, W]} in, a feature matrix {@code [N, D]} out.
 */
public final class OnnxModels {

  private static final long IR_VERSION = 8;
  private static final long OPSET = 17;
  private static final int FLOAT = 1;
  private static final int INT64 = 7;
  private static final int ATTRIBUTE_INT = 2;
  private static final int ATTRIBUTE_STRING = 3;
  private static final int ATTRIBUTE_INTS = 7;

  private final List<Protobuf> nodes = new ArrayList<>();
  private final List<Protobuf> initializers = new ArrayList<>();
  private final List<Protobuf> inputs = new ArrayList<>();
  private final List<Protobuf> outputs = new ArrayList<>();

  /**
   * The pooled-linear feature network: average pooling with kernel and stride {@code pool}, then
   * flatten and a matrix product with fixed pseudo-random weights of {@code seed}.
   *
   * @param inputSide the input side, or -1 for a dynamic spatial size
   * @param resizeTo when positive, the graph first resizes its input bilinearly (half-pixel
   *     coordinates, as torch with align_corners=False) to this side and maps x to 2x - 1
   */
  public static OnnxModels pooledLinear(
      String inputName,
      String outputName,
      int inputSide,
      int resizeTo,
      int pool,
      int dimension,
      long seed) {
    int finalSide = resizeTo > 0 ? resizeTo : inputSide;
    int features = 3 * (finalSide / pool) * (finalSide / pool);
    return pooledLinear(
        inputName,
        outputName,
        inputSide,
        resizeTo,
        pool,
        dimension,
        weights(features * dimension, seed));
  }

  /** The pooled-linear network with the given {@code features x dimension} weights, row-major. */
  public static OnnxModels pooledLinear(
      String inputName,
      String outputName,
      int inputSide,
      int resizeTo,
      int pool,
      int dimension,
      float[] weights) {
    OnnxModels model = new OnnxModels();
    model.input(inputName, new long[] {-1, 3, inputSide, inputSide});
    String current = inputName;
    int side = inputSide;
    if (resizeTo > 0) {
      model.initializer("sizes", new long[] {4}, null, new long[] {1, 3, resizeTo, resizeTo});
      model.resizeNode(current, "sizes", "resized");
      model.initializer("two", new long[] {}, new float[] {2f}, null);
      model.initializer("one", new long[] {}, new float[] {1f}, null);
      model.node("Mul", List.of("resized", "two"), "doubled", List.of());
      model.node("Sub", List.of("doubled", "one"), "scaled", List.of());
      current = "scaled";
      side = resizeTo;
    }
    int cells = side / pool;
    int features = 3 * cells * cells;
    model.node(
        "AveragePool",
        List.of(current),
        "pooled",
        List.of(ints("kernel_shape", pool, pool), ints("strides", pool, pool)));
    model.node("Flatten", List.of("pooled"), "flat", List.of(intAttribute("axis", 1)));
    model.initializer("weights", new long[] {features, dimension}, weights, null);
    model.node("MatMul", List.of("flat", "weights"), outputName, List.of());
    model.output(outputName, new long[] {-1, dimension});
    return model;
  }

  /**
   * Adds a second output, {@code name}, that repeats the pooled values, as multi-output models do.
   */
  public OnnxModels withExtraOutput(String name) {
    node("Identity", List.of("flat"), name, List.of());
    output(name, new long[] {-1, -1});
    return this;
  }

  /** Returns the pseudo-random weights the model uses, row-major {@code features x dimension}. */
  public static float[] weights(int count, long seed) {
    Random random = new Random(seed);
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  /** Writes the model to {@code file}. */
  public Path write(Path file) throws IOException {
    return Files.write(file, toByteArray());
  }

  /** Returns the serialized ModelProto. */
  public byte[] toByteArray() {
    Protobuf graph = new Protobuf();
    nodes.forEach(node -> graph.message(1, node));
    graph.string(2, "test-graph");
    initializers.forEach(tensor -> graph.message(5, tensor));
    inputs.forEach(value -> graph.message(11, value));
    outputs.forEach(value -> graph.message(12, value));
    Protobuf opset = new Protobuf().string(1, "").varint(2, OPSET);
    return new Protobuf()
        .varint(1, IR_VERSION)
        .string(2, "fld-tests")
        .message(7, graph)
        .message(8, opset)
        .toByteArray();
  }

  private void resizeNode(String input, String sizes, String output) {
    Protobuf node = new Protobuf();
    node.string(1, input).string(1, "").string(1, "").string(1, sizes);
    node.string(2, output).string(3, "resize").string(4, "Resize");
    node.message(5, stringAttribute("mode", "linear"));
    node.message(5, stringAttribute("coordinate_transformation_mode", "pytorch_half_pixel"));
    nodes.add(node);
  }

  private void node(String op, List<String> in, String out, List<Protobuf> attributes) {
    Protobuf node = new Protobuf();
    in.forEach(name -> node.string(1, name));
    node.string(2, out).string(3, op + "_" + nodes.size()).string(4, op);
    attributes.forEach(attribute -> node.message(5, attribute));
    nodes.add(node);
  }

  private void initializer(String name, long[] dims, float[] floats, long[] longs) {
    Protobuf tensor = new Protobuf();
    for (long dim : dims) {
      tensor.varint(1, dim);
    }
    tensor.varint(2, floats != null ? FLOAT : INT64).string(8, name);
    ByteBuffer raw;
    if (floats != null) {
      raw = ByteBuffer.allocate(floats.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      for (float value : floats) {
        raw.putFloat(value);
      }
    } else {
      raw = ByteBuffer.allocate(longs.length * 8).order(ByteOrder.LITTLE_ENDIAN);
      for (long value : longs) {
        raw.putLong(value);
      }
    }
    tensor.bytes(9, raw.array());
    initializers.add(tensor);
  }

  private void input(String name, long[] shape) {
    inputs.add(valueInfo(name, shape));
  }

  private void output(String name, long[] shape) {
    outputs.add(valueInfo(name, shape));
  }

  private static Protobuf valueInfo(String name, long[] shape) {
    Protobuf dims = new Protobuf();
    for (int i = 0; i < shape.length; i++) {
      Protobuf dimension = new Protobuf();
      if (shape[i] < 0) {
        dimension.string(2, "d" + i);
      } else {
        dimension.varint(1, shape[i]);
      }
      dims.message(1, dimension);
    }
    Protobuf tensorType = new Protobuf().varint(1, FLOAT).message(2, dims);
    Protobuf type = new Protobuf().message(1, tensorType);
    return new Protobuf().string(1, name).message(2, type);
  }

  private static Protobuf intAttribute(String name, long value) {
    return new Protobuf().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
  }

  private static Protobuf stringAttribute(String name, String value) {
    return new Protobuf().string(1, name).string(4, value).varint(20, ATTRIBUTE_STRING);
  }

  private static Protobuf ints(String name, long... values) {
    Protobuf attribute = new Protobuf().string(1, name);
    for (long value : values) {
      attribute.varint(8, value);
    }
    return attribute.varint(20, ATTRIBUTE_INTS);
  }
}
