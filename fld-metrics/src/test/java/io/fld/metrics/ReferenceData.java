package io.fld.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fld.api.feature.FeatureSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference features and the values the Python implementation produced on them, from the test
 * resources under {@code reference/}. Feature sets are read once per test run.
 */
final class ReferenceData {
  private static final Map<String, FeatureSet> SETS = new ConcurrentHashMap<>();
  private static JsonNode values;

  private ReferenceData() {}

  /** One generated set of a family, such as gauss/copycat. */
  record Case(String family, String set) {
    FeatureSet train() {
      return features(family, "train");
    }

    FeatureSet test() {
      return features(family, "test");
    }

    FeatureSet gen() {
      return features(family, set);
    }

    /** Returns the reference statistics of {@code metric}, such as "FID Train". */
    Reference reference(String metric) {
      JsonNode node = values().path("families").path(family).path("sets").path(set);
      JsonNode entry = node.path("metrics").path(metric);
      if (entry.isMissingNode()) {
        throw new IllegalStateException("no reference value for " + this + " " + metric);
      }
      return new Reference(
          entry.path("mean").asDouble(),
          entry.path("min").asDouble(),
          entry.path("max").asDouble());
    }

    @Override
    public String toString() {
      return family + "/" + set;
    }
  }

  /** A reference value: the mean, min and max over the reference's seeds. */
  record Reference(double mean, double min, double max) {
    /** The margin around [min, max] that seeded metrics may use. */
    double seedMargin() {
      return Math.max(Math.max(max - min, 0.01 * Math.abs(mean)), 1e-3);
    }
  }

  /** Returns every (family, generated set) pair listed in values.json. */
  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    values()
        .path("families")
        .fields()
        .forEachRemaining(
            family ->
                family
                    .getValue()
                    .path("sets")
                    .fieldNames()
                    .forEachRemaining(set -> cases.add(new Case(family.getKey(), set))));
    return cases;
  }

  static FeatureSet features(String family, String name) {
    return SETS.computeIfAbsent(
        family + "/" + name, key -> TestNpy.read("reference/" + key + ".npy"));
  }

  private static synchronized JsonNode values() {
    if (values == null) {
      try (InputStream in = ReferenceData.class.getResourceAsStream("/reference/values.json")) {
        values = new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return values;
  }
}
