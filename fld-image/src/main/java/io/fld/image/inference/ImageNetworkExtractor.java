package io.fld.image.inference;

import io.fld.api.InvalidInputException;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.sample.RgbImage;
import io.fld.image.model.ModelEntry;
import io.fld.image.model.ModelFiles;
import io.fld.image.preprocess.ImageTransform;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A feature extractor that preprocesses images in parallel and runs a network (ONNX or TorchScript,
 * chosen by {@link ImageNetworks}) on batches of them. Images whose tensors differ in shape
 * (possible only when the network resizes its input) are run in separate batches. Up to the
 * runtime's floating-point reassociation, the result does not depend on how samples are batched.
 */
public final class ImageNetworkExtractor implements FeatureExtractor<RgbImage> {

  private final ImageExtractorSpec spec;
  private final ModelEntry entry;
  private final ImageTransform transform;
  private final Path modelFile;
  private final Optional<String> expectedChecksum;
  private final int batchSize;
  private final ImageNetwork model;
  private String checksum;

  /**
   * Creates the extractor; the model loads on the first {@link #extract} call.
   *
   * @param spec the extractor definition
   * @param entry the model entry in effect (the spec's, or one adjusted by options)
   * @param modelFile the model file, ONNX or TorchScript
   * @param expectedChecksum the SHA-256 the file must have, when known
   * @param batchSize samples per inference call
   * @param threads intra-op threads, or 0 for the default
   * @param device {@code cpu} or {@code cuda}
   */
  public ImageNetworkExtractor(
      ImageExtractorSpec spec,
      ModelEntry entry,
      Path modelFile,
      Optional<String> expectedChecksum,
      int batchSize,
      int threads,
      String device)
      throws IOException {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    this.spec = spec;
    this.entry = entry;
    this.transform = spec.transforms().apply(entry);
    this.modelFile = modelFile;
    this.expectedChecksum = expectedChecksum;
    this.batchSize = batchSize;
    this.model = ImageNetworks.open(modelFile, entry, threads, device);
  }

  @Override
  public String id() {
    return spec.id();
  }

  @Override
  public int dimension() {
    return entry.outputDimension();
  }

  @Override
  public Class<RgbImage> sampleType() {
    return RgbImage.class;
  }

  @Override
  public String preprocessing() {
    return transform.version();
  }

  /**
   * Returns the SHA-256 of the model file, computed once.
   *
   * @throws InvalidInputException if it differs from the published or recorded checksum
   */
  @Override
  public synchronized String modelChecksum() {
    if (checksum == null) {
      String actual = ModelFiles.sha256Unchecked(modelFile);
      if (expectedChecksum.isPresent() && !expectedChecksum.get().equals(actual)) {
        throw new InvalidInputException(
            modelFile
                + ": SHA-256 "
                + actual
                + " differs from the expected "
                + expectedChecksum.get()
                + "; the file is damaged or replaced. Delete it and run"
                + " 'fld models pull "
                + spec.id()
                + "'");
      }
      checksum = actual;
    }
    return checksum;
  }

  /** Returns the execution provider that runs the model, once loaded. */
  public String executionProvider() {
    return model.executionProvider();
  }

  @Override
  public float[][] extract(List<RgbImage> samples) throws IOException {
    List<float[]> tensors =
        IntStream.range(0, samples.size())
            .parallel()
            .mapToObj(i -> transform.apply(samples.get(i)))
            .toList();
    List<int[]> shapes = samples.stream().map(transform::outputShape).toList();
    float[][] features = new float[samples.size()][];
    int start = 0;
    while (start < samples.size()) {
      int end = start + 1;
      while (end < samples.size() && end - start < batchSize && sameShape(shapes, start, end)) {
        end++;
      }
      runBatch(tensors, shapes.get(start), start, end, features);
      start = end;
    }
    return features;
  }

  @Override
  public void close() {
    model.close();
  }

  private void runBatch(List<float[]> tensors, int[] shape, int start, int end, float[][] out)
      throws IOException {
    int perSample = shape[0] * shape[1] * shape[2];
    float[] batch = new float[(end - start) * perSample];
    for (int i = start; i < end; i++) {
      System.arraycopy(tensors.get(i), 0, batch, (i - start) * perSample, perSample);
    }
    float[] result = model.run(batch, end - start, shape[1], shape[2]);
    int dimension = entry.outputDimension();
    for (int i = start; i < end; i++) {
      int offset = (i - start) * dimension;
      out[i] = Arrays.copyOfRange(result, offset, offset + dimension);
    }
  }

  private static boolean sameShape(List<int[]> shapes, int first, int candidate) {
    return Arrays.equals(shapes.get(first), shapes.get(candidate));
  }
}
