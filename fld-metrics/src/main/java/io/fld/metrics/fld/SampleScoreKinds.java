package io.fld.metrics.fld;

import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.OptionSpec;
import io.fld.api.metric.SampleScoreProvider;
import java.util.List;

/** The per-sample score kinds {@code memorization} and {@code quality} as plugin providers. */
public final class SampleScoreKinds {
  private SampleScoreKinds() {}

  /** Returns a provider of each score kind: memorization first, then quality. */
  public static List<SampleScoreProvider> providers() {
    return List.of(new Memorization(), new Quality());
  }

  private static final class Memorization implements SampleScoreProvider {
    @Override
    public String name() {
      return "memorization";
    }

    @Override
    public String description() {
      return "max log-likelihood per dimension that a generated sample's fitted Gaussian gives"
          + " any training sample; higher means more likely memorized";
    }

    @Override
    public List<OptionSpec> options() {
      return SampleScores.memorizationOptions();
    }

    @Override
    public double[] score(
        FeatureSet train, FeatureSet test, FeatureSet gen, MetricOptions options) {
      return SampleScores.memorization(train, test, gen, options);
    }
  }

  private static final class Quality implements SampleScoreProvider {
    @Override
    public String name() {
      return "quality";
    }

    @Override
    public String description() {
      return "log-likelihood per dimension of a generated sample under a mixture centered at the"
          + " test set; higher means more likely under the real data";
    }

    @Override
    public List<OptionSpec> options() {
      return SampleScores.qualityOptions();
    }

    @Override
    public double[] score(
        FeatureSet train, FeatureSet test, FeatureSet gen, MetricOptions options) {
      return SampleScores.quality(train, test, gen, options);
    }
  }
}
