package io.fld.cli;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Role;
import io.fld.core.extract.ExtractedFeatures;
import io.fld.core.extract.ExtractionRequest;
import io.fld.core.io.FeatureFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Loads the input sets of a command: feature files are read first, so that a dimension mismatch
 * among them, or with the extractor's dimension, is reported before any extraction starts.
 */
final class FeatureLoader {
  private static final System.Logger LOG = System.getLogger(FeatureLoader.class.getName());

  private final CliContext context;
  private final ExtractionSettings extraction;
  private final InputOptions inputOptions;

  FeatureLoader(CliContext context, ExtractionSettings extraction, InputOptions inputOptions) {
    this.context = context;
    this.extraction = extraction;
    this.inputOptions = inputOptions;
  }

  /** Features with the name of each row's sample. */
  record Loaded(FeatureSet features, List<String> sampleNames) {}

  /**
   * Reads or extracts every input.
   *
   * @throws InvalidInputException if a file is malformed or the dimensions differ; the message
   *     shows both dimensions and both paths
   */
  Map<Role, Loaded> load(List<InputSpec> inputs) throws IOException {
    Map<Role, Loaded> loaded = new EnumMap<>(Role.class);
    Map<Role, String> sources = new EnumMap<>(Role.class);
    Map<Role, Integer> dimensions = new EnumMap<>(Role.class);

    for (InputSpec input : inputs) {
      if (!input.folder()) {
        FeatureSet features = FeatureFiles.read(input.path(), keyFor(input));
        loaded.put(input.role(), new Loaded(features, rowNumbers(features.rows())));
        record(input, features.dimension(), input.label(), sources, dimensions);
      }
    }
    for (InputSpec input : inputs) {
      if (input.folder()) {
        int dimension = context.registry().extractor(extraction.extractorId()).dimension();
        String label = input.label() + " (extractor " + extraction.extractorId() + ")";
        record(input, dimension, label, sources, dimensions);
      }
    }

    for (InputSpec input : inputs) {
      if (input.folder()) {
        loaded.put(input.role(), extract(input));
      }
    }
    return loaded;
  }

  /**
   * Returns the key to read from {@code input}, or null for the file's only array. A set's own key
   * always applies. {@code --key} applies only to files that contain several arrays, so that one
   * key can select from an {@code .npz} given with {@code .npy} files.
   */
  private String keyFor(InputSpec input) throws IOException {
    InputOptions.ArrayKey key = inputOptions.key(input.role());
    if (key.name().isEmpty()) {
      return null;
    }
    if (!key.own() && FeatureFiles.keys(input.path()).size() <= 1) {
      return null;
    }
    return key.name().get();
  }

  private static void record(
      InputSpec input,
      int dimension,
      String label,
      Map<Role, String> sources,
      Map<Role, Integer> dimensions) {
    for (Map.Entry<Role, Integer> other : dimensions.entrySet()) {
      if (other.getValue() != dimension) {
        throw new InvalidInputException(
            "dimension mismatch: "
                + sources.get(other.getKey())
                + " has "
                + other.getValue()
                + " columns but "
                + label
                + " has "
                + dimension
                + "; every set needs features from the same extractor");
      }
    }
    sources.put(input.role(), label);
    dimensions.put(input.role(), dimension);
  }

  private Loaded extract(InputSpec input) throws IOException {
    ExtractionRequest request = extraction.request(context.config().featureCache());
    LOG.log(
        System.Logger.Level.INFO,
        "extracting {0} features of {1}",
        extraction.extractorId(),
        input.label());
    ExtractedFeatures result = context.extraction().extractNamed(input.path(), request);
    return new Loaded(result.features(), result.sampleNames());
  }

  private static List<String> rowNumbers(int rows) {
    List<String> names = new ArrayList<>(rows);
    IntStream.range(0, rows).forEach(row -> names.add(Integer.toString(row)));
    return names;
  }
}
