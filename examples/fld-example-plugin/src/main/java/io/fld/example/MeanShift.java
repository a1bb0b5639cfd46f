package io.fld.example;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureProvenance;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.ResultProvenance;
import io.fld.api.metric.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The L1 or L2 norm of {@code mean(gen) - mean(train)}, accumulated in double precision. It draws
 * nothing at random, so the seed is only recorded.
 */
final class MeanShift implements Metric {
  private final String norm;
  private final long seed;

  MeanShift(String norm, long seed) {
    this.norm = norm;
    this.seed = seed;
  }

  @Override
  public String id() {
    return MeanShiftProvider.ID;
  }

  @Override
  public Set<Role> requiredSets() {
    return EnumSet.of(Role.TRAIN, Role.GEN);
  }

  @Override
  public void checkInputs(FeatureSet train, FeatureSet test, FeatureSet gen) {
    requirePresent(train, Role.TRAIN);
    requirePresent(gen, Role.GEN);
    if (train.dimension() != gen.dimension()) {
      throw new InvalidInputException(
          id()
              + ": train has dimension "
              + train.dimension()
              + " ("
              + train.provenance().source()
              + ") but gen has dimension "
              + gen.dimension()
              + " ("
              + gen.provenance().source()
              + "); extract both with the same extractor");
    }
  }

  @Override
  public MetricResult compute(FeatureSet train, FeatureSet test, FeatureSet gen) {
    checkInputs(train, test, gen);
    double[] trainMean = mean(train);
    double[] genMean = mean(gen);
    double value = distance(trainMean, genMean);

    ResultProvenance provenance =
        new ResultProvenance(
            id(),
            seed,
            Map.of(MeanShiftProvider.NORM, norm),
            Map.of(Role.TRAIN.label(), train.rows(), Role.GEN.label(), gen.rows()),
            Map.<String, FeatureProvenance>of(
                Role.TRAIN.label(), train.provenance(), Role.GEN.label(), gen.provenance()),
            versions());
    return new MetricResult(id(), value, Map.of(), List.of(), provenance);
  }

  private void requirePresent(FeatureSet set, Role role) {
    if (set == null) {
      throw new InvalidInputException(id() + " needs the " + role.label() + " set; give it");
    }
  }

  private static double[] mean(FeatureSet set) {
    double[] sum = new double[set.dimension()];
    for (int row = 0; row < set.rows(); row++) {
      for (int column = 0; column < sum.length; column++) {
        sum[column] += set.get(row, column);
      }
    }
    for (int column = 0; column < sum.length; column++) {
      sum[column] /= set.rows();
    }
    return sum;
  }

  private double distance(double[] a, double[] b) {
    double total = 0;
    for (int i = 0; i < a.length; i++) {
      double difference = a[i] - b[i];
      total += norm.equals(MeanShiftProvider.L1) ? Math.abs(difference) : difference * difference;
    }
    return norm.equals(MeanShiftProvider.L1) ? total : Math.sqrt(total);
  }

  private static Map<String, String> versions() {
    String version = MeanShift.class.getPackage().getImplementationVersion();
    return Map.of(
        "fld-example-plugin",
        version == null ? "unknown" : version,
        "java",
        System.getProperty("java.version"));
  }
}
