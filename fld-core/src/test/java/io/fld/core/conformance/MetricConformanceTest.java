package io.fld.core.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.MetricResult;
import io.fld.api.metric.OptionSpec;
import io.fld.api.metric.ResultProvenance;
import io.fld.api.metric.Role;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks that a metric provider follows the contract of the SPI. Extend it, return the provider
 * from {@link #provider()}, and override {@link #rows(Role)} or {@link #dimension()} when the
 * metric needs larger sets.
 */
public abstract class MetricConformanceTest {
  private static final long SEED = 7;
  private static final long OTHER_SEED = 8;
  private static final double GEN_OFFSET = 0.5;

  /** Returns the provider under test. */
  protected abstract MetricProvider provider();

  /** Returns the feature dimension of the generated sets. */
  protected int dimension() {
    return 3;
  }

  /** Returns the number of rows of the generated set of {@code role}. */
  protected int rows(Role role) {
    return switch (role) {
      case TRAIN -> 60;
      case TEST -> 50;
      case GEN -> 40;
    };
  }

  /** Returns the options the metric is created with in every check. */
  protected MetricOptions options() {
    return MetricOptions.defaults().withSeed(SEED);
  }

  /** Returns the standard normal set of {@code role}, gen shifted, with {@code dimension}. */
  protected FeatureSet set(Role role, int dimension) {
    double offset = role == Role.GEN ? GEN_OFFSET : 0;
    return ConformanceSupport.gaussian(
        rows(role), dimension, offset, role.ordinal() + 1, "generated " + role.label());
  }

  private Map<Role, FeatureSet> sets(Metric metric) {
    Map<Role, FeatureSet> sets = new EnumMap<>(Role.class);
    for (Role role : metric.requiredSets()) {
      sets.put(role, set(role, dimension()));
    }
    return sets;
  }

  private static MetricResult compute(Metric metric, Map<Role, FeatureSet> sets) {
    return metric.compute(sets.get(Role.TRAIN), sets.get(Role.TEST), sets.get(Role.GEN));
  }

  @Test
  void nameFollowsRules() {
    String name = provider().name();

    assertTrue(ConformanceSupport.NAME.matcher(name).matches(), "invalid metric name " + name);
    assertFalse(provider().description().isBlank(), "description of " + name + " is blank");
    assertEquals(name, provider().create(options()).id(), "metric id differs from provider name");
  }

  @Test
  void optionsDocumented() {
    for (OptionSpec spec : provider().options()) {
      assertTrue(
          ConformanceSupport.OPTION_NAME.matcher(spec.name()).matches(),
          "invalid option name " + spec.name());
      assertFalse(spec.description().isBlank(), "option " + spec.name() + " has no description");
      assertFalse(spec.type().isBlank(), "option " + spec.name() + " has no type");
    }
  }

  @Test
  void requiredSetsNotEmpty() {
    assertFalse(provider().create(options()).requiredSets().isEmpty());
  }

  @Test
  void sameSeedSameValue() {
    Metric metric = provider().create(options());
    Map<Role, FeatureSet> sets = sets(metric);

    MetricResult first = compute(metric, sets);
    MetricResult again = compute(metric, sets);
    MetricResult fresh = compute(provider().create(options()), sets);

    assertEquals(first.value(), again.value(), "same instance, same inputs");
    assertEquals(first.value(), fresh.value(), "new instance, same seed");
    assertEquals(first.extras(), fresh.extras(), "extras with the same seed");
  }

  @Test
  void valueFinite() {
    Metric metric = provider().create(options());

    MetricResult result = compute(metric, sets(metric));

    assertTrue(Double.isFinite(result.value()), "value " + result.value());
    result.extras().forEach((key, value) -> assertTrue(Double.isFinite(value), key + " " + value));
  }

  @Test
  void provenanceComplete() {
    Metric metric = provider().create(options());
    Map<Role, FeatureSet> sets = sets(metric);

    ResultProvenance provenance = compute(metric, sets).provenance();

    assertEquals(provider().name(), provenance.metricId());
    assertEquals(SEED, provenance.seed());
    for (OptionSpec spec : provider().options()) {
      assertTrue(
          provenance.parameters().containsKey(spec.name()),
          "parameter " + spec.name() + " missing from " + provenance.parameters());
    }
    for (Role role : metric.requiredSets()) {
      assertEquals(
          sets.get(role).rows(), provenance.counts().get(role.label()), "count of " + role);
      assertEquals(
          sets.get(role).provenance(), provenance.inputs().get(role.label()), "input " + role);
    }
    assertFalse(provenance.versions().isEmpty(), "no versions recorded");
  }

  @Test
  void seedRecorded() {
    Metric metric = provider().create(options().withSeed(OTHER_SEED));

    assertEquals(OTHER_SEED, compute(metric, sets(metric)).provenance().seed());
  }

  @Test
  void absentOptionalSetsAccepted() {
    Metric metric = provider().create(options());
    Map<Role, FeatureSet> sets = sets(metric);

    MetricResult result = compute(metric, sets);

    assertTrue(Double.isFinite(result.value()));
  }

  @Test
  void mismatchedDimensionsRejected() {
    Metric metric = provider().create(options());
    Map<Role, FeatureSet> sets = sets(metric);
    Role last = metric.requiredSets().stream().reduce((a, b) -> b).orElseThrow();
    sets.put(last, set(last, dimension() + 1));

    assertThrows(InvalidInputException.class, () -> compute(metric, sets));
  }

  @Test
  void missingRequiredSetRejected() {
    Metric metric = provider().create(options());
    for (Role role : metric.requiredSets()) {
      Map<Role, FeatureSet> sets = sets(metric);
      sets.remove(role);

      assertThrows(InvalidInputException.class, () -> compute(metric, sets), "without " + role);
    }
  }

  @Test
  void unknownOptionRejected() {
    MetricOptions unknown = options().with("no-such-option", 1);

    assertThrows(InvalidInputException.class, () -> provider().create(unknown));
  }
}
