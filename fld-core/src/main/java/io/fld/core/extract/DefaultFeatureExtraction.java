package io.fld.core.extract;

import com.google.inject.Inject;
import io.fld.api.InvalidInputException;
import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractor;
import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import io.fld.api.sample.Sample;
import io.fld.api.sample.SampleSource;
import io.fld.api.sample.SampleSourceProvider;
import io.fld.core.inject.FldConfig;
import io.fld.core.plugin.PluginRegistry;
import io.fld.core.plugin.Registered;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Extracts features by finding the sample source that accepts a path and the extractor by id in the
 * plugin registry, then streaming batches from one to the other. Decoding of the next batch
 * overlaps inference of the current one.
 *
 * <p>The work is split into {@link #plan} (resolve source and extractor, cheap) and {@link
 * #compute} (open the extractor and run it from a given sample on), so that a feature cache can
 * look up a plan's key before computing and resume after the samples it already contains.
 */
public final class DefaultFeatureExtraction implements FeatureExtraction {
  /** The largest number of values a Java array, and so a feature set, can contain. */
  private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  private static final System.Logger LOG =
      System.getLogger(DefaultFeatureExtraction.class.getName());

  private final PluginRegistry registry;
  private final BatchPipeline pipeline;
  private final FldConfig config;

  /** Creates the extraction over {@code registry}, reading samples on {@code executor}. */
  @Inject
  public DefaultFeatureExtraction(
      PluginRegistry registry, ExecutorService executor, FldConfig config) {
    this.registry = registry;
    this.pipeline = new BatchPipeline(executor);
    this.config = config;
  }

  @Override
  public ExtractedFeatures extractNamed(Path input, ExtractionRequest request) throws IOException {
    ExtractionPlan plan = plan(input, request);
    return compute(plan);
  }

  /**
   * Resolves the extractor and the sample source of {@code input} without opening the extractor.
   *
   * @throws InvalidInputException if the input is missing, the extractor is unknown, or no sample
   *     source reads the input as the extractor's sample type
   */
  public ExtractionPlan plan(Path input, ExtractionRequest request) throws IOException {
    if (!Files.exists(input)) {
      throw new InvalidInputException(
          "input " + input + " does not exist; give a folder of samples or a feature file");
    }
    FeatureExtractorProvider extractor = registry.extractor(request.extractorId());
    SampleSourceProvider sourceProvider = sourceFor(input, extractor);
    SampleSource<?> source = sourceProvider.open(input, request.sourceOptions());
    if (source.size() < 1) {
      throw new InvalidInputException(
          "input "
              + input
              + " contains no samples that "
              + sourceProvider.name()
              + " can read; check the folder");
    }
    return new ExtractionPlan(input, source, extractor, request);
  }

  /**
   * Opens the plan's extractor and extracts every sample of its source.
   *
   * @throws IOException if a sample or the model cannot be read
   */
  public ExtractedFeatures compute(ExtractionPlan plan) throws IOException {
    // NOTE: request.cacheDirectory() is not consulted yet; every call extracts all samples.
    ExtractionRequest request = plan.request();
    try (FeatureExtractor<?> extractor = plan.extractor().open(extractorOptions(request))) {
      return run(plan, extractor);
    }
  }

  private SampleSourceProvider sourceFor(Path input, FeatureExtractorProvider extractor) {
    List<Registered<SampleSourceProvider>> accepting =
        registry.sampleSources().stream()
            .filter(registered -> registered.provider().accepts(input))
            .collect(Collectors.toList());
    if (accepting.isEmpty()) {
      throw new InvalidInputException(
          "no sample source accepts "
              + input
              + "; available sample sources: "
              + registry.sampleSourceNames()
              + "; give a folder in one of their formats or a feature file (.npy, .npz,"
              + " .safetensors)");
    }
    for (Registered<SampleSourceProvider> registered : accepting) {
      if (extractor.sampleType().isAssignableFrom(registered.provider().sampleType())) {
        return registered.provider();
      }
    }
    String offered =
        accepting.stream()
            .map(r -> r.name() + " (" + r.provider().sampleType().getSimpleName() + ")")
            .collect(Collectors.joining(", "));
    throw new InvalidInputException(
        "extractor "
            + extractor.name()
            + " reads "
            + extractor.sampleType().getSimpleName()
            + " samples, but the sample sources that accept "
            + input
            + " produce other types: "
            + offered
            + "; choose an extractor for that kind of sample");
  }

  private ExtractorOptions extractorOptions(ExtractionRequest request) {
    return new ExtractorOptions(
        request.modelFile(),
        config.modelDirectory(),
        request.batchSize(),
        request.threads(),
        request.device(),
        Map.of());
  }

  private ExtractedFeatures run(ExtractionPlan plan, FeatureExtractor<?> extractor)
      throws IOException {
    SampleSource<?> source = plan.source();
    RowCollector rows = new RowCollector(extractor, source.size());
    String task = extractor.id() + " " + plan.input().getFileName();
    long started = System.nanoTime();
    try (Progress progress = Progress.start(task, source.size())) {
      pipeline.run(
          source,
          plan.request().batchSize(),
          0,
          batch -> {
            rows.add(batch);
            progress.advance(batch.size());
          });
    }
    LOG.log(
        System.Logger.Level.INFO,
        "extracted {0} samples of {1} with {2} in {3} s",
        String.valueOf(rows.count()),
        plan.input(),
        extractor.id(),
        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    FeatureProvenance provenance =
        new FeatureProvenance(
            plan.input().toString(),
            extractor.id(),
            extractor.modelChecksum(),
            extractor.preprocessing());
    return rows.finish(provenance);
  }

  /** Collects extracted rows into one row-major array, checking each row's length. */
  private static final class RowCollector {
    private final FeatureExtractor<?> extractor;
    private final int dimension;
    private final List<String> names;
    private float[] data;
    private int count;

    RowCollector(FeatureExtractor<?> extractor, int expectedRows) {
      this.extractor = extractor;
      this.dimension = extractor.dimension();
      if ((long) expectedRows * dimension > MAX_VALUES) {
        throw new InvalidInputException(
            expectedRows
                + " samples of dimension "
                + dimension
                + " exceed the "
                + MAX_VALUES
                + " values one feature set can contain; split the input into smaller folders");
      }
      this.names = new ArrayList<>(expectedRows);
      this.data = new float[Math.max(1, expectedRows) * dimension];
    }

    void add(List<? extends Sample<?>> batch) throws IOException {
      float[][] features;
      try {
        features = extractTyped(extractor, batch);
      } catch (InvalidInputException e) {
        String first = batch.get(0).name();
        String last = batch.get(batch.size() - 1).name();
        throw new InvalidInputException(
            "extractor "
                + extractor.id()
                + " rejected the batch of samples "
                + first
                + " to "
                + last
                + ": "
                + e.getMessage(),
            e);
      }
      if (features.length != batch.size()) {
        throw new IllegalStateException(
            "extractor "
                + extractor.id()
                + " returned "
                + features.length
                + " rows for a batch of "
                + batch.size()
                + " samples");
      }
      for (int i = 0; i < features.length; i++) {
        append(features[i], batch.get(i).name());
      }
    }

    /** Casts each sample to the extractor's type, capturing that type as {@code T}. */
    private static <T> float[][] extractTyped(
        FeatureExtractor<T> extractor, List<? extends Sample<?>> batch) throws IOException {
      List<T> values = new ArrayList<>(batch.size());
      for (Sample<?> sample : batch) {
        values.add(extractor.sampleType().cast(sample.value()));
      }
      return extractor.extract(values);
    }

    private void append(float[] row, String name) {
      if (row.length != dimension) {
        throw new IllegalStateException(
            "extractor "
                + extractor.id()
                + " declares dimension "
                + dimension
                + " but returned "
                + row.length
                + " values for sample "
                + name);
      }
      if ((long) (count + 1) * dimension > data.length) {
        long grown = Math.min(2L * data.length, MAX_VALUES);
        data = java.util.Arrays.copyOf(data, (int) grown);
      }
      System.arraycopy(row, 0, data, count * dimension, dimension);
      names.add(name);
      count++;
    }

    int count() {
      return count;
    }

    ExtractedFeatures finish(FeatureProvenance provenance) {
      float[] exact = java.util.Arrays.copyOf(data, count * dimension);
      return new ExtractedFeatures(FeatureSet.wrap(exact, count, dimension, provenance), names);
    }
  }
}
