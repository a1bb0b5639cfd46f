package io.fld.image.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.fld.api.InvalidInputException;
import io.fld.image.model.ModelEntry;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An image network in an ONNX file, run with ONNX Runtime. The session opens lazily on the first
 * {@link #run} and is reused; calls are serialized, and ONNX Runtime parallelizes inside a call
 * with its intra-op threads.
 *
 * <p>When the file has exactly one input and one output their names are read from it, so models
 * from any exporter work; otherwise the names of the {@link ModelEntry} are looked up. The input
 * must be {@code [N, 3, H, W]} with H and W equal to the entry's side (or dynamic where the network
 * resizes), and the output must hold {@code outputDimension} values per sample.
 */
public final class OnnxNetwork implements ImageNetwork {

  private static final System.Logger LOG = System.getLogger(OnnxNetwork.class.getName());
  private static final int INPUT_RANK = 4;
  private static final int CHANNELS = 3;
  private static final long DYNAMIC_DIMENSION = -1;
  private static final String CUDA = "cuda";

  private final Path file;
  private final ModelEntry entry;
  private final int threads;
  private final String device;
  private OrtSession session;
  private String inputName;
  private String outputName;
  private String executionProvider;
  private boolean closed;

  /**
   * Describes the model without loading it.
   *
   * @param file the ONNX file
   * @param entry the expected names and shapes
   * @param threads intra-op threads, or 0 for ONNX Runtime's default
   * @param device {@code cpu}, or {@code cuda} to use the CUDA execution provider when present
   */
  public OnnxNetwork(Path file, ModelEntry entry, int threads, String device) {
    this.file = file;
    this.entry = entry;
    this.threads = threads;
    this.device = device.toLowerCase(Locale.ROOT);
  }

  /**
   * Runs the network on a batch {@code [count, 3, height, width]} and returns {@code count x
   * outputDimension} features, row-major.
   *
   * @throws InvalidInputException if the model file does not fit the entry
   * @throws IOException if ONNX Runtime fails
   */
  @Override
  public synchronized float[] run(float[] batch, int count, int height, int width)
      throws IOException {
    ensureOpen();
    long[] shape = {count, CHANNELS, height, width};
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(batch), shape);
        OrtSession.Result result = session.run(Map.of(inputName, tensor), Set.of(outputName))) {
      return features(result.get(0), count);
    } catch (OrtException e) {
      throw new IOException(
          file
              + ": ONNX Runtime failed on a batch of shape "
              + Arrays.toString(shape)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public synchronized String executionProvider() {
    return executionProvider == null ? "not loaded" : executionProvider;
  }

  /** Returns the input tensor name in use, opening the model if needed. */
  public synchronized String inputName() throws IOException {
    ensureOpen();
    return inputName;
  }

  /** Returns the output tensor name in use, opening the model if needed. */
  public synchronized String outputName() throws IOException {
    ensureOpen();
    return outputName;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (session != null) {
      try {
        session.close();
      } catch (OrtException e) {
        LOG.log(Level.WARNING, "closing the ONNX session of " + file + " failed", e);
      }
      session = null;
    }
  }

  private float[] features(OnnxValue value, int count) throws IOException {
    if (!(value instanceof OnnxTensor tensor)) {
      throw new IOException(file + ": output " + outputName + " is not a tensor");
    }
    FloatBuffer buffer = tensor.getFloatBuffer();
    int expected = count * entry.outputDimension();
    if (buffer == null || buffer.remaining() != expected) {
      throw new InvalidInputException(
          file
              + ": output "
              + outputName
              + " has shape "
              + Arrays.toString(tensor.getInfo().getShape())
              + ", expected "
              + count
              + " x "
              + entry.outputDimension()
              + "; use a model that matches extractor "
              + entry.extractorId());
    }
    float[] out = new float[expected];
    buffer.get(out);
    return out;
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IllegalStateException("the model " + file + " is closed");
    }
    if (session != null) {
      return;
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": model file not found; check the path");
    }
    try {
      session = createSession();
      inputName = pickName(session.getInputInfo(), entry.inputName(), "input");
      outputName = pickName(session.getOutputInfo(), entry.outputName(), "output");
      checkInput(session.getInputInfo().get(inputName));
      checkOutput(session.getOutputInfo().get(outputName));
    } catch (OrtException e) {
      closeQuietly();
      throw new InvalidInputException(
          file
              + ": not a loadable ONNX model ("
              + e.getMessage()
              + "); if it was given with --model, check that file, else pull the model again"
              + " with fld models pull",
          e);
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  private OrtSession createSession() throws OrtException {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (threads > 0) {
        options.setIntraOpNumThreads(threads);
      }
      executionProvider = "CPU";
      if (device.equals(CUDA)) {
        try {
          options.addCUDA();
          executionProvider = "CUDA";
        } catch (OrtException | UnsatisfiedLinkError e) {
          LOG.log(
              Level.WARNING,
              "CUDA was requested but is not available ({0}); running {1} on the CPU. Put the"
                  + " onnxruntime_gpu jar on the class path and install CUDA to use the GPU",
              e.getMessage(),
              file);
        }
      }
      OrtSession opened = environment.createSession(file.toString(), options);
      LOG.log(Level.INFO, "loaded {0} on the {1} execution provider", file, executionProvider);
      return opened;
    }
  }

  private String pickName(Map<String, NodeInfo> nodes, String expected, String kind) {
    if (nodes.size() == 1) {
      return nodes.keySet().iterator().next();
    }
    if (nodes.containsKey(expected)) {
      return expected;
    }
    throw new InvalidInputException(
        file
            + ": the model has "
            + kind
            + "s "
            + nodes.keySet()
            + " but no "
            + kind
            + " named '"
            + expected
            + "'; export it with a single "
            + kind
            + " or name it '"
            + expected
            + "'");
  }

  private void checkInput(NodeInfo node) {
    long[] shape = shapeOf(node);
    boolean rankOk = shape.length == INPUT_RANK;
    boolean channelsOk = rankOk && (shape[1] == CHANNELS || shape[1] == DYNAMIC_DIMENSION);
    boolean spatialOk = rankOk && spatialFits(shape[2]) && spatialFits(shape[3]);
    if (!channelsOk || !spatialOk) {
      String side = entry.resizesInput() ? "any" : String.valueOf(entry.inputSide());
      throw new InvalidInputException(
          file
              + ": input "
              + inputName
              + " has shape "
              + describe(shape)
              + ", expected [N, 3, "
              + side
              + ", "
              + side
              + "] for extractor "
              + entry.extractorId()
              + "; use a model exported for this extractor");
    }
  }

  private boolean spatialFits(long dimension) {
    if (dimension == DYNAMIC_DIMENSION) {
      return true;
    }
    return !entry.resizesInput() && dimension == entry.inputSide();
  }

  private void checkOutput(NodeInfo node) {
    long[] shape = shapeOf(node);
    long perSample = 1;
    for (int i = 1; i < shape.length; i++) {
      perSample *= shape[i];
    }
    boolean known = Arrays.stream(shape).skip(1).allMatch(d -> d > 0);
    if (shape.length < 2 || (known && perSample != entry.outputDimension())) {
      throw new InvalidInputException(
          file
              + ": output "
              + outputName
              + " has shape "
              + describe(shape)
              + ", expected [N, "
              + entry.outputDimension()
              + "] for extractor "
              + entry.extractorId()
              + "; use a model exported for this extractor");
    }
  }

  private long[] shapeOf(NodeInfo node) {
    if (!(node.getInfo() instanceof TensorInfo info)) {
      throw new InvalidInputException(file + ": " + node.getName() + " is not a tensor");
    }
    return info.getShape();
  }

  private static String describe(long[] shape) {
    return Arrays.toString(
        Arrays.stream(shape).mapToObj(d -> d < 0 ? "?" : String.valueOf(d)).toArray());
  }

  private void closeQuietly() {
    if (session != null) {
      try {
        session.close();
      } catch (OrtException e) {
        LOG.log(Level.DEBUG, "closing a half-opened session failed", e);
      }
      session = null;
    }
  }
}
