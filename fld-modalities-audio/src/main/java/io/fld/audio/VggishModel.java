package io.fld.audio;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.fld.api.InvalidInputException;
import io.fld.audio.dsp.VggishFrontEnd;
import java.lang.System.Logger.Level;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * An open ONNX Runtime session of a VGGish network: {@code [N, 96, 64]} or {@code [N, 1, 96, 64]}
 * log-mel patches in, {@code [N, 128]} embeddings out. The input layout is read from the model.
 */
final class VggishModel implements AutoCloseable {
  static final int EMBEDDING_SIZE = 128;
  private static final long DYNAMIC = -1;
  private static final int PATCH_VALUES = VggishFrontEnd.PATCH_FRAMES * VggishFrontEnd.MEL_BANDS;

  private static final System.Logger LOG = System.getLogger(VggishModel.class.getName());

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final String inputName;
  private final boolean channelAxis;

  private VggishModel(
      OrtEnvironment environment, OrtSession session, String inputName, boolean channelAxis) {
    this.environment = environment;
    this.session = session;
    this.inputName = inputName;
    this.channelAxis = channelAxis;
  }

  /**
   * Opens a session for {@code modelFile} and checks its signature.
   *
   * @param threads intra-op threads, or 0 for the runtime's default
   * @param device {@code cpu} or {@code cuda}
   * @throws InvalidInputException if the file is not an ONNX model with the VGGish signature
   */
  static VggishModel open(Path modelFile, int threads, String device) throws OrtException {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    OrtSession session;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (threads > 0) {
        options.setIntraOpNumThreads(threads);
      }
      String provider = configureDevice(options, device, modelFile);
      session = createSession(environment, options, modelFile);
      LOG.log(
          Level.INFO,
          "opened VGGish model {0} with ONNX Runtime {1} on the {2} execution provider",
          modelFile,
          environment.getVersion(),
          provider);
    }
    try {
      String inputName = session.getInputNames().iterator().next();
      boolean channelAxis = checkSignature(session, modelFile);
      return new VggishModel(environment, session, inputName, channelAxis);
    } catch (RuntimeException | OrtException e) {
      session.close();
      throw e;
    }
  }

  /** Computes the embeddings of {@code patches}, one row per patch. */
  float[][] embed(float[][][] patches) throws OrtException {
    FloatBuffer values = FloatBuffer.allocate(patches.length * PATCH_VALUES);
    for (float[][] patch : patches) {
      for (float[] frame : patch) {
        values.put(frame);
      }
    }
    values.flip();
    long[] shape =
        channelAxis
            ? new long[] {patches.length, 1, VggishFrontEnd.PATCH_FRAMES, VggishFrontEnd.MEL_BANDS}
            : new long[] {patches.length, VggishFrontEnd.PATCH_FRAMES, VggishFrontEnd.MEL_BANDS};

    try (OnnxTensor input = OnnxTensor.createTensor(environment, values, shape);
        OrtSession.Result result = session.run(Map.of(inputName, input))) {
      return (float[][]) result.get(0).getValue();
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }

  private static String configureDevice(
      OrtSession.SessionOptions options, String device, Path modelFile) throws OrtException {
    String normalized = device.toLowerCase(Locale.ROOT);
    if (normalized.equals("cpu")) {
      return "CPU";
    }
    if (normalized.equals("cuda")) {
      try {
        options.addCUDA(0);
      } catch (OrtException e) {
        throw new InvalidInputException(
            modelFile
                + ": device 'cuda' was requested but ONNX Runtime has no usable CUDA provider ("
                + e.getMessage()
                + "); use device 'cpu' or put onnxruntime_gpu on the class path",
            e);
      }
      return "CUDA";
    }
    throw new InvalidInputException(
        "unknown device '" + device + "' for the vggish extractor; use 'cpu' or 'cuda'");
  }

  private static OrtSession createSession(
      OrtEnvironment environment, OrtSession.SessionOptions options, Path modelFile) {
    try {
      return environment.createSession(modelFile.toString(), options);
    } catch (OrtException e) {
      throw new InvalidInputException(
          modelFile
              + ": ONNX Runtime could not load the model ("
              + e.getMessage()
              + "); the file is damaged or not an ONNX model, see the audio module README for how"
              + " to export VGGish",
          e);
    }
  }

  /** Returns whether the input has a channel axis, after checking both shapes. */
  private static boolean checkSignature(OrtSession session, Path modelFile) throws OrtException {
    if (session.getNumInputs() != 1) {
      throw signatureError(modelFile, "has " + session.getNumInputs() + " inputs, expected 1");
    }
    long[] input = tensorShape(session.getInputInfo().values().iterator().next(), modelFile);
    long[] output = tensorShape(session.getOutputInfo().values().iterator().next(), modelFile);

    boolean channelAxis;
    if (matches(input, DYNAMIC, VggishFrontEnd.PATCH_FRAMES, VggishFrontEnd.MEL_BANDS)) {
      channelAxis = false;
    } else if (matches(input, DYNAMIC, 1, VggishFrontEnd.PATCH_FRAMES, VggishFrontEnd.MEL_BANDS)) {
      channelAxis = true;
    } else {
      throw signatureError(
          modelFile, "has input shape " + Arrays.toString(input) + ", expected [N, 96, 64]");
    }
    if (!matches(output, DYNAMIC, EMBEDDING_SIZE)) {
      throw signatureError(
          modelFile, "has output shape " + Arrays.toString(output) + ", expected [N, 128]");
    }
    return channelAxis;
  }

  private static long[] tensorShape(NodeInfo node, Path modelFile) {
    if (!(node.getInfo() instanceof TensorInfo tensor)) {
      throw signatureError(modelFile, "has a non-tensor input or output '" + node.getName() + "'");
    }
    return tensor.getShape();
  }

  /** Checks a shape against an expected one, where a dynamic dimension (-1) matches anything. */
  private static boolean matches(long[] actual, long... expected) {
    if (actual.length != expected.length) {
      return false;
    }
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] != DYNAMIC && expected[i] != DYNAMIC && actual[i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static InvalidInputException signatureError(Path modelFile, String problem) {
    return new InvalidInputException(
        modelFile
            + ": not a VGGish model, it "
            + problem
            + "; pass a VGGish export with log-mel patches in and 128-d embeddings out");
  }
}
