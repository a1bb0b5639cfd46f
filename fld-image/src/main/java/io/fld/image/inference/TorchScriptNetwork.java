package io.fld.image.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.fld.api.InvalidInputException;
import io.fld.image.model.ModelEntry;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A TorchScript network run with DJL's PyTorch engine. The model loads lazily on the first {@link
 * #run}, and calls are serialized. The network must map {@code [N, 3, H, W]} to {@code [N, D]}, or
 * to any shape with {@code D} values per sample. TorchScript files carry no tensor names, so the
 * entry's names are not used, and the output size is checked on every call.
 *
 * <p>DJL and its PyTorch engine are optional dependencies: put {@code ai.djl:api}, {@code
 * ai.djl.pytorch:pytorch-engine}, {@code pytorch-jni} and the {@code pytorch-native-cpu} jar for
 * the platform on the class path. The native jar's automatic module name is not a legal module
 * name, so it must stay on the class path even when the rest runs on the module path.
 */
public final class TorchScriptNetwork implements ImageNetwork {

  private static final System.Logger LOG = System.getLogger(TorchScriptNetwork.class.getName());
  private static final String ENGINE = "PyTorch";
  private static final String CUDA = "cuda";
  private static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

  private final Path file;
  private final ModelEntry entry;
  private final int threads;
  private final String device;
  private Model model;
  private NDManager manager;
  private String executionProvider;
  private boolean closed;

  /** Describes the model without loading it; see {@link OnnxNetwork} for the parameters. */
  public TorchScriptNetwork(Path file, ModelEntry entry, int threads, String device) {
    this.file = file;
    this.entry = entry;
    this.threads = threads;
    this.device = device.toLowerCase(Locale.ROOT);
  }

  @Override
  public synchronized float[] run(float[] batch, int count, int height, int width)
      throws IOException {
    ensureOpen();
    Shape shape = new Shape(count, 3, height, width);
    try (NDManager scope = manager.newSubManager()) {
      NDArray input = scope.create(FloatBuffer.wrap(batch), shape);
      NDList output =
          model.getBlock().forward(new ParameterStore(scope, false), new NDList(input), false);
      float[] features = output.head().toFloatArray();
      if (features.length != count * entry.outputDimension()) {
        throw new InvalidInputException(
            file
                + ": the TorchScript model returns shape "
                + output.head().getShape()
                + " for input "
                + shape
                + ", expected "
                + count
                + " x "
                + entry.outputDimension()
                + "; use a model exported for extractor "
                + entry.extractorId());
      }
      return features;
    } catch (EngineException e) {
      throw new IOException(
          file + ": PyTorch failed on a batch of shape " + shape + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized String executionProvider() {
    return executionProvider == null ? "not loaded" : executionProvider;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (model != null) {
      model.close();
      manager.close();
      model = null;
      manager = null;
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IllegalStateException("the model " + file + " is closed");
    }
    if (model != null) {
      return;
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": model file not found; check the path");
    }
    Engine engine = pytorchEngine();
    Device target = chooseDevice(engine);
    Model loaded = Model.newInstance(entry.extractorId(), target, ENGINE);
    try {
      loaded.load(file);
    } catch (MalformedModelException | EngineException e) {
      loaded.close();
      throw new InvalidInputException(
          file
              + ": not a loadable TorchScript model ("
              + e.getMessage()
              + "); export it with"
              + " torch.jit.trace or torch.jit.script and torch.jit.save",
          e);
    }
    model = loaded;
    manager = NDManager.newBaseManager(target, ENGINE);
    executionProvider = "PyTorch " + target;
    LOG.log(Level.INFO, "loaded {0} with PyTorch on {1}", file, target);
  }

  private Engine pytorchEngine() {
    if (threads > 0 && System.getProperty(THREADS_PROPERTY) == null) {
      System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
    }
    try {
      return Engine.getEngine(ENGINE);
    } catch (IllegalArgumentException | NoClassDefFoundError | EngineException e) {
      throw new InvalidInputException(
          file
              + ": is a TorchScript model, but DJL's PyTorch engine is not available ("
              + e
              + "); put ai.djl:api, ai.djl.pytorch:pytorch-engine, pytorch-jni and"
              + " pytorch-native-cpu on the class path, or export the model to ONNX",
          e);
    }
  }

  private Device chooseDevice(Engine engine) {
    if (!device.equals(CUDA)) {
      return Device.cpu();
    }
    if (engine.getGpuCount() > 0) {
      return Device.gpu();
    }
    LOG.log(
        Level.WARNING,
        "CUDA was requested but PyTorch sees no GPU; running {0} on the CPU. Use the"
            + " pytorch-native-cu jar for your CUDA version to run on the GPU",
        file);
    return Device.cpu();
  }

  @Override
  public String toString() {
    return "TorchScriptNetwork[" + file + ", " + entry.extractorId() + "]";
  }
}
