package io.fld.core.plugin;

/** The kinds of named provider that plugins contribute. */
public enum ProviderKind {
  /** A {@link io.fld.api.metric.MetricProvider}. */
  METRIC("metric", "metrics"),
  /** A {@link io.fld.api.extract.FeatureExtractorProvider}. */
  EXTRACTOR("extractor", "extractors"),
  /** A {@link io.fld.api.sample.SampleSourceProvider}. */
  SAMPLE_SOURCE("sample source", "sample sources"),
  /** A {@link io.fld.api.metric.SampleScoreProvider}. */
  SAMPLE_SCORE("score kind", "score kinds");

  private final String singular;
  private final String plural;

  ProviderKind(String singular, String plural) {
    this.singular = singular;
    this.plural = plural;
  }

  /** Returns the kind as a noun for messages, such as {@code metric}. */
  public String singular() {
    return singular;
  }

  /** Returns the plural noun for messages and listings, such as {@code metrics}. */
  public String plural() {
    return plural;
  }
}
