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
import io.fld.core.cache.CacheKey;
import io.fld.core.cache.FeatureCache;
import io.fld.core.inject.FldConfig;
import io.fld.core.plugin.PluginRegistry;
import io.fld.core.plugin.Registered;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

/**
 * Extracts features by finding the sample source that accepts a path and the extractor by id in the
 * plugin registry, then streaming batches from one to the other. Decoding of the next batch
 * overlaps inference of the current one.
 *
 * <p>The work is split into {@link #plan} (resolve source and extractor, cheap) and {@link
 * #compute} (open the extractor and run it). With a cache folder in the request, {@code compute}
 * returns a complete cache entry without inference and resumes an interrupted extraction after the
 * chunks it already stored.
 */
public final class DefaultFeatureExtraction implements FeatureExtraction {
  /** The largest number of values a Java array, and so a feature set, can contain. */
  private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  /**
   * Rows per cache chunk: an interrupted extraction loses at most this many finished rows. Fixed,
   * not tied to the batch size, so that a run with another batch size still resumes.
   */
  static final int CHUNK_ROWS = 1024;

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
   * Opens the plan's extractor and extracts every sample of its source. With a cache folder in the
   * request, a complete cache entry is returned without running the extractor; otherwise finished
   * rows are stored in chunks of {@link #CHUNK_ROWS} as they complete, an earlier interrupted run
   * resumes after its last finished chunk, and the whole matrix is stored at the end.
   *
   * @throws IOException if a sample, the model or the cache cannot be read
   */
  public ExtractedFeatures compute(ExtractionPlan plan) throws IOException {
    ExtractionRequest request = plan.request();
    try (FeatureExtractor<?> extractor = plan.extractor().open(extractorOptions(request))) {
      if (request.cacheDirectory().isEmpty()) {
        return run(plan, extractor, Optional.empty());
      }
      FeatureCache cache = FeatureCache.open(request.cacheDirectory().get());
      return computeCached(plan, extractor, cache);
    }
  }

  private ExtractedFeatures computeCached(
      ExtractionPlan plan, FeatureExtractor<?> extractor, FeatureCache cache) throws IOException {
    CacheKey key =
        new CacheKey(
            extractor.id(),
            extractor.modelChecksum(),
            extractor.preprocessing(),
            plan.source().fingerprint(),
            plan.request().cacheName());
    Optional<ExtractedFeatures> cached = loadEntry(plan, extractor, cache, key);
    if (cached.isPresent()) {
      LOG.log(
          System.Logger.Level.INFO,
          "loaded {0} features of {1} from the cache entry {2}",
          String.valueOf(cached.get().features().rows()),
          plan.input(),
          cache.entryPath(key));
      return cached.get();
    }

    ExtractedFeatures features = run(plan, extractor, Optional.of(new ChunkStore(cache, key)));

    cache.storeNames(key, features.sampleNames());
    cache.store(key, features.features());
    cache.discardChunks(key);
    return features;
  }

  /** Returns the complete cache entry of {@code key} if it fits the plan, with its sample names. */
  private static Optional<ExtractedFeatures> loadEntry(
      ExtractionPlan plan, FeatureExtractor<?> extractor, FeatureCache cache, CacheKey key)
      throws IOException {
    Optional<FeatureSet> features = cache.load(key);
    if (features.isEmpty()) {
      return Optional.empty();
    }
    FeatureSet entry = features.get();
    if (entry.rows() != plan.source().size() || entry.dimension() != extractor.dimension()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cache entry {0} contains {1} x {2} features, but {3} has {4} samples of dimension {5};"
              + " computing them again",
          cache.entryPath(key),
          String.valueOf(entry.rows()),
          String.valueOf(entry.dimension()),
          plan.input(),
          String.valueOf(plan.source().size()),
          String.valueOf(extractor.dimension()));
      return Optional.empty();
    }
    Optional<List<String>> names = cache.loadNames(key);
    if (names.isEmpty() || names.get().size() != entry.rows()) {
      return Optional.empty();
    }
    FeatureSet current = entry.withProvenance(provenance(plan, extractor));
    return Optional.of(new ExtractedFeatures(current, names.get()));
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
        request.extractorOptions());
  }

  private ExtractedFeatures run(
      ExtractionPlan plan, FeatureExtractor<?> extractor, Optional<ChunkStore> chunks)
      throws IOException {
    SampleSource<?> source = plan.source();
    FeatureProvenance provenance = provenance(plan, extractor);
    RowCollector rows = new RowCollector(extractor, source.size());
    int resumed = chunks.isEmpty() ? 0 : chunks.get().resume(rows, source.size(), provenance);
    // Resuming learns the names of the finished samples from SampleCursor.skip, which decodes them
    // again (without inference) only for cursors that keep the default implementation.
    List<String> skippedNames = Collections.synchronizedList(new ArrayList<>(resumed));
    String task = extractor.id() + " " + plan.input().getFileName();
    long started = System.nanoTime();

    try (Progress progress = Progress.start(task, source.size())) {
      progress.advance(resumed);
      pipeline.run(
          source,
          plan.request().batchSize(),
          resumed,
          skippedNames,
          batch -> {
            rows.add(batch);
            progress.advance(batch.size());
            if (chunks.isPresent()) {
              chunks.get().storeFinished(rows, provenance);
            }
          });
    }

    LOG.log(
        System.Logger.Level.INFO,
        "extracted {0} samples of {1} with {2} in {3} s",
        String.valueOf(rows.count() - resumed),
        plan.input(),
        extractor.id(),
        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    return rows.finish(skippedNames, provenance);
  }

  private static FeatureProvenance provenance(ExtractionPlan plan, FeatureExtractor<?> extractor) {
    return new FeatureProvenance(
        plan.input().toString(),
        extractor.id(),
        extractor.modelChecksum(),
        extractor.preprocessing());
  }

  /**
   * The chunks of one cache entry while its extraction runs. Starting it deletes the chunks that an
   * interrupted extraction of the same input left before the input changed.
   */
  private static final class ChunkStore {
    private final FeatureCache cache;
    private final CacheKey key;
    private int storedRows;

    ChunkStore(FeatureCache cache, CacheKey key) {
      this.cache = cache;
      this.key = key;
    }

    /**
     * Loads the leading chunks that a previous, interrupted run finished into {@code rows} and
     * returns how many rows they contain; the extraction continues after them.
     */
    int resume(RowCollector rows, int totalRows, FeatureProvenance provenance) throws IOException {
      cache.startChunks(key, provenance.source());
      int index = 0;
      while ((long) (index + 1) * CHUNK_ROWS <= totalRows) {
        Optional<FeatureSet> chunk = cache.loadChunk(key, index);
        if (chunk.isEmpty()
            || chunk.get().rows() != CHUNK_ROWS
            || chunk.get().dimension() != rows.dimension()) {
          break;
        }
        rows.preload(chunk.get());
        index++;
      }
      storedRows = index * CHUNK_ROWS;
      if (storedRows > 0) {
        LOG.log(
            System.Logger.Level.INFO,
            "resuming {0} after {1} samples found in the cache",
            provenance.source(),
            String.valueOf(storedRows));
      }
      return storedRows;
    }

    /** Stores every complete chunk of {@code rows} not stored yet. */
    void storeFinished(RowCollector rows, FeatureProvenance provenance) throws IOException {
      while (rows.count() - storedRows >= CHUNK_ROWS) {
        FeatureSet chunk = rows.slice(storedRows, CHUNK_ROWS, provenance);
        cache.storeChunk(key, storedRows / CHUNK_ROWS, chunk);
        storedRows += CHUNK_ROWS;
      }
    }
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
        throw rejection(batch, e);
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
    /**
     * Returns the error for a batch that the extractor rejected. The cause may be one sample or the
     * model, which opens on the first batch, so each sample is tried alone. When only some fail,
     * the first of them is named. Otherwise the message names the batch without blaming its
     * samples.
     */
    private InvalidInputException rejection(
        List<? extends Sample<?>> batch, InvalidInputException batchError) throws IOException {
      if (batch.size() > 1) {
        InvalidInputException firstFailure = null;
        String failedName = null;
        int failures = 0;
        for (Sample<?> sample : batch) {
          try {
            extractTyped(extractor, List.of(sample));
          } catch (InvalidInputException e) {
            failures++;
            if (firstFailure == null) {
              firstFailure = e;
              failedName = sample.name();
            }
          }
        }
        if (failures > 0 && failures < batch.size()) {
          return new InvalidInputException(
              "extractor "
                  + extractor.id()
                  + " rejected sample "
                  + failedName
                  + ": "
                  + firstFailure.getMessage(),
              firstFailure);
        }
      }
      return new InvalidInputException(
          "extractor "
              + extractor.id()
              + " failed on the "
              + (batch.size() == 1 ? "sample " : "batch of samples ")
              + batch.get(0).name()
              + (batch.size() == 1 ? "" : " to " + batch.get(batch.size() - 1).name())
              + ": "
              + batchError.getMessage(),
          batchError);
    }

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
      ensureCapacity(count + 1);
      System.arraycopy(row, 0, data, count * dimension, dimension);
      names.add(name);
      count++;
    }

    /** Appends the rows of {@code chunk}, whose sample names come later, to {@link #finish}. */
    void preload(FeatureSet chunk) {
      if (!names.isEmpty()) {
        throw new IllegalStateException("rows from the cache must come before extracted rows");
      }
      ensureCapacity(count + chunk.rows());
      for (int row = 0; row < chunk.rows(); row++) {
        chunk.copyRow(row, data, (count + row) * dimension);
      }
      count += chunk.rows();
    }

    /** Returns a copy of {@code length} rows from {@code start}. */
    FeatureSet slice(int start, int length, FeatureProvenance provenance) {
      float[] values =
          java.util.Arrays.copyOfRange(data, start * dimension, (start + length) * dimension);
      return FeatureSet.wrap(values, length, dimension, provenance);
    }

    private void ensureCapacity(int rows) {
      if ((long) rows * dimension > data.length) {
        long grown = Math.min(Math.max(2L * data.length, (long) rows * dimension), MAX_VALUES);
        data = java.util.Arrays.copyOf(data, (int) grown);
      }
    }

    int count() {
      return count;
    }

    int dimension() {
      return dimension;
    }

    /**
     * Returns all rows, named by {@code leadingNames} (those of the preloaded rows) followed by the
     * names of the extracted rows.
     */
    ExtractedFeatures finish(List<String> leadingNames, FeatureProvenance provenance) {
      if (leadingNames.size() + names.size() != count) {
        throw new IllegalStateException(
            "the source yielded "
                + leadingNames.size()
                + " samples before the "
                + names.size()
                + " extracted ones, but "
                + (count - names.size())
                + " rows came from the cache; the input changed during extraction, so run it"
                + " again");
      }
      List<String> allNames = new ArrayList<>(count);
      allNames.addAll(leadingNames);
      allNames.addAll(names);
      float[] exact = java.util.Arrays.copyOf(data, count * dimension);
      return new ExtractedFeatures(FeatureSet.wrap(exact, count, dimension, provenance), allNames);
    }
  }
}
