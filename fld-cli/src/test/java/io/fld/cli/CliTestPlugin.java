package io.fld.cli;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.OptionSpec;
import io.fld.api.metric.ResultProvenance;
import io.fld.api.metric.Role;
import io.fld.api.metric.SampleScoreProvider;
import io.fld.api.plugin.FldPlugin;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Metrics and a score kind with closed-form values, registered on the test class path only, so that
 * the command's output can be checked to the last digit:
 *
 * <ul>
 *   <li>{@code test_gap}: {@code scale * (mean of all gen values - mean of all train values)}; it
 *       rejects, before any metric computes, a gen set with fewer rows than its option {@code
 *       min-gen-rows}, and with option {@code raise=invalid} rejects its input while computing;
 *   <li>{@code test_spread}: the mean of all test values, with extra {@code test_spread_std} = the
 *       mean of all gen values;
 *   <li>score kind {@code test_nearest}: minus the squared distance of each gen row to the nearest
 *       train row.
 * </ul>
 */
public final class CliTestPlugin implements FldPlugin {
  static final int FEW_ROWS = 3;

  @Override
  public String name() {
    return "cli-test";
  }

  @Override
  public List<MetricProvider> metrics() {
    return List.of(new GapProvider(), new SpreadProvider());
  }

  @Override
  public List<SampleScoreProvider> sampleScores() {
    return List.of(new NearestProvider());
  }

  static double mean(FeatureSet set) {
    double sum = 0;
    for (int row = 0; row < set.rows(); row++) {
      for (int column = 0; column < set.dimension(); column++) {
        sum += set.get(row, column);
      }
    }
    return sum / ((double) set.rows() * set.dimension());
  }

  private static void requireSameDimension(FeatureSet a, FeatureSet b) {
    if (a.dimension() != b.dimension()) {
      throw new InvalidInputException("dimensions " + a.dimension() + " and " + b.dimension());
    }
  }

  private static ResultProvenance provenance(
      String id, long seed, Map<String, String> parameters, Map<Role, FeatureSet> sets) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, FeatureProvenance> inputs = new LinkedHashMap<>();
    sets.forEach(
        (role, set) -> {
          counts.put(role.label(), set.rows());
          inputs.put(role.label(), set.provenance());
        });
    return new ResultProvenance(
        id, seed, parameters, counts, inputs, Map.of("java", System.getProperty("java.version")));
  }

  static final class GapProvider implements MetricProvider {
    @Override
    public String name() {
      return "test_gap";
    }

    @Override
    public String description() {
      return "scaled difference of the mean gen and train values";
    }

    @Override
    public List<OptionSpec> options() {
      return List.of(
          new OptionSpec("scale", "double", "1.0", "factor applied to the value"),
          new OptionSpec("min-gen-rows", "int", "0", "fewest gen rows accepted"),
          new OptionSpec(
              "raise",
              "string",
              "",
              "out-of-memory to throw OutOfMemoryError, invalid to reject the input in compute"));
    }

    @Override
    public Metric create(MetricOptions options) {
      options.requireKnown(name(), options());
      double scale = options.real("scale", 1.0);
      int minGenRows = options.integer("min-gen-rows", 0);
      String raise = options.string("raise", "");
      long seed = options.seed();
      return new Metric() {
        @Override
        public String id() {
          return "test_gap";
        }

        @Override
        public Set<Role> requiredSets() {
          return EnumSet.of(Role.TRAIN, Role.GEN);
        }

        @Override
        public void checkInputs(FeatureSet train, FeatureSet test, FeatureSet gen) {
          if (train == null || gen == null) {
            throw new InvalidInputException("test_gap needs train and gen");
          }
          requireSameDimension(train, gen);
          if (gen.rows() < minGenRows) {
            throw new InvalidInputException(
                "test_gap needs at least " + minGenRows + " gen rows, got " + gen.rows());
          }
        }

        @Override
        public MetricResult compute(FeatureSet train, FeatureSet test, FeatureSet gen) {
          checkInputs(train, test, gen);
          if (raise.equals("out-of-memory")) {
            throw new OutOfMemoryError("Java heap space");
          }
          if (raise.equals("invalid")) {
            throw new InvalidInputException("test_gap rejected the gen rows while computing");
          }
          double value = scale * (mean(gen) - mean(train));
          List<String> warnings =
              gen.rows() < FEW_ROWS ? List.of("gen has only " + gen.rows() + " rows") : List.of();
          ResultProvenance provenance =
              provenance(
                  id(),
                  seed,
                  Map.of("scale", Double.toString(scale)),
                  Map.of(Role.TRAIN, train, Role.GEN, gen));
          return new MetricResult(id(), value, Map.of(), warnings, provenance);
        }
      };
    }
  }

  static final class SpreadProvider implements MetricProvider {
    @Override
    public String name() {
      return "test_spread";
    }

    @Override
    public String description() {
      return "mean test value, with the mean gen value as test_spread_std";
    }

    @Override
    public List<OptionSpec> options() {
      return List.of();
    }

    @Override
    public Metric create(MetricOptions options) {
      options.requireKnown(name(), options());
      long seed = options.seed();
      return new Metric() {
        @Override
        public String id() {
          return "test_spread";
        }

        @Override
        public Set<Role> requiredSets() {
          return EnumSet.of(Role.TEST, Role.GEN);
        }

        @Override
        public MetricResult compute(FeatureSet train, FeatureSet test, FeatureSet gen) {
          if (test == null || gen == null) {
            throw new InvalidInputException("test_spread needs test and gen");
          }
          requireSameDimension(test, gen);
          ResultProvenance provenance =
              provenance(id(), seed, Map.of(), Map.of(Role.TEST, test, Role.GEN, gen));
          return new MetricResult(
              id(), mean(test), Map.of("test_spread_std", mean(gen)), List.of(), provenance);
        }
      };
    }
  }

  static final class NearestProvider implements SampleScoreProvider {
    @Override
    public String name() {
      return "test_nearest";
    }

    @Override
    public String description() {
      return "minus the squared distance to the nearest train row (higher is closer)";
    }

    @Override
    public List<OptionSpec> options() {
      return List.of();
    }

    @Override
    public double[] score(
        FeatureSet train, FeatureSet test, FeatureSet gen, MetricOptions options) {
      options.requireKnown(name(), options());
      requireSameDimension(train, gen);
      double[] scores = new double[gen.rows()];
      for (int j = 0; j < gen.rows(); j++) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < train.rows(); i++) {
          double distance = 0;
          for (int c = 0; c < gen.dimension(); c++) {
            double difference = gen.get(j, c) - train.get(i, c);
            distance += difference * difference;
          }
          best = Math.min(best, distance);
        }
        scores[j] = -best;
      }
      return scores;
    }
  }
}
