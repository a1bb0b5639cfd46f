package io.fld.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.core.io.FeatureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A folder of reference values produced by the Python implementation: {@code values.json}, one
 * folder per family with {@code train.npy}, {@code test.npy} and one {@code .npy} per generated
 * set, and optionally {@code <family>/persample/<set>__<kind>.npy} with one row of per-sample
 * scores per seed.
 */
final class ReferenceFolder {
  private final Path root;
  private final JsonNode values;
  private final Map<String, FeatureSet> features = new HashMap<>();

  private ReferenceFolder(Path root, JsonNode values) {
    this.root = root;
    this.values = values;
  }

  /**
   * Reads {@code values.json} of {@code root}.
   *
   * @throws InvalidInputException if the folder or its {@code values.json} is missing or invalid
   */
  static ReferenceFolder open(Path root) throws IOException {
    Path valuesFile = root.resolve("values.json");
    if (!Files.isRegularFile(valuesFile)) {
      throw new InvalidInputException(
          valuesFile + " not found; pass a folder that contains values.json and the .npy files");
    }
    JsonNode values = new ObjectMapper().readTree(valuesFile.toFile());
    if (!values.path("families").isObject()) {
      throw new InvalidInputException(valuesFile + " has no \"families\" object");
    }
    return new ReferenceFolder(root, values);
  }

  /** One generated set of a family, such as gauss/copycat. */
  record Case(String family, String set) {
    @Override
    public String toString() {
      return family + "/" + set;
    }
  }

  /**
   * Reference values of one metric over the reference's seeds.
   *
   * @param mean the mean over the seeds
   * @param min the smallest value over the seeds
   * @param max the largest value over the seeds
   */
  record Spread(double mean, double min, double max) {
    static Spread of(double[] values) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (double value : values) {
        min = Math.min(min, value);
        max = Math.max(max, value);
        sum += value;
      }
      return new Spread(sum / values.length, min, max);
    }
  }

  /** Returns every (family, generated set) pair of {@code values.json}, in file order. */
  List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> families = values.path("families").fields();
    while (families.hasNext()) {
      Map.Entry<String, JsonNode> family = families.next();
      family
          .getValue()
          .path("sets")
          .fieldNames()
          .forEachRemaining(set -> cases.add(new Case(family.getKey(), set)));
    }
    return cases;
  }

  /** Returns the reference metric names of {@code c}, such as "FID Train", in file order. */
  List<String> metricNames(Case c) {
    List<String> names = new ArrayList<>();
    setNode(c).path("metrics").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Returns the spread of {@code metric} for {@code c}, from its "values" or its summary. */
  Spread metric(Case c, String metric) {
    JsonNode entry = setNode(c).path("metrics").path(metric);
    JsonNode perSeed = entry.path("values");
    if (perSeed.isArray() && perSeed.size() > 0) {
      double[] values = new double[perSeed.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = perSeed.get(i).asDouble();
      }
      return Spread.of(values);
    }
    if (!entry.path("mean").isNumber()) {
      throw new InvalidInputException(
          "values.json has neither \"values\" nor \"mean\" for " + c + " " + metric);
    }
    double mean = entry.path("mean").asDouble();
    return new Spread(mean, entry.path("min").asDouble(mean), entry.path("max").asDouble(mean));
  }

  /**
   * Returns the spread over seeds of the mean per-sample score of {@code kind} ({@code
   * memorization} or {@code quality}) for {@code c}: from {@code persample/<set>__<kind>.npy} (one
   * row per seed) when that file exists, else from the {@code per_seed_mean} list of {@code
   * values.json}, else empty.
   */
  Optional<Spread> perSampleMean(Case c, String kind) throws IOException {
    Path file =
        root.resolve(c.family()).resolve("persample").resolve(c.set() + "__" + kind + ".npy");
    if (Files.isRegularFile(file)) {
      FeatureSet scores = FeatureFiles.read(file);
      double[] means = new double[scores.rows()];
      for (int seed = 0; seed < scores.rows(); seed++) {
        double sum = 0;
        for (float score : scores.row(seed)) {
          sum += score;
        }
        means[seed] = sum / scores.dimension();
      }
      return Optional.of(Spread.of(means));
    }
    JsonNode perSeed = setNode(c).path("persample").path(kind).path("per_seed_mean");
    if (!perSeed.isArray() || perSeed.size() == 0) {
      return Optional.empty();
    }
    double[] means = new double[perSeed.size()];
    for (int i = 0; i < means.length; i++) {
      means[i] = perSeed.get(i).asDouble();
    }
    return Optional.of(Spread.of(means));
  }

  /** Returns {@code <family>/<name>.npy}, read once per folder. */
  FeatureSet features(String family, String name) throws IOException {
    String key = family + "/" + name;
    FeatureSet cached = features.get(key);
    if (cached == null) {
      cached = FeatureFiles.read(root.resolve(family).resolve(name + ".npy"));
      features.put(key, cached);
    }
    return cached;
  }

  /** Drops the cached feature sets of {@code family}, to free memory before the next family. */
  void release(String family) {
    features.keySet().removeIf(key -> key.startsWith(family + "/"));
  }

  private JsonNode setNode(Case c) {
    return values.path("families").path(c.family()).path("sets").path(c.set());
  }
}
