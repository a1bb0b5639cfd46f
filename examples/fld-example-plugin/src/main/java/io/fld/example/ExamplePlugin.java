package io.fld.example;

import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.metric.MetricProvider;
import io.fld.api.plugin.FldPlugin;
import io.fld.api.sample.SampleSourceProvider;
import java.util.List;

/**
 * A plugin built apart from the tool. It reads folders of CSV files whose lines are samples of
 * {@value IdentityExtractorProvider#COLUMNS} numbers, passes them through unchanged as features,
 * and adds the {@code mean_shift} metric.
 */
public final class ExamplePlugin implements FldPlugin {

  @Override
  public String name() {
    return "example";
  }

  @Override
  public List<MetricProvider> metrics() {
    return List.of(new MeanShiftProvider());
  }

  @Override
  public List<FeatureExtractorProvider> extractors() {
    return List.of(new IdentityExtractorProvider());
  }

  @Override
  public List<SampleSourceProvider> sampleSources() {
    return List.of(new CsvFolderSourceProvider());
  }
}
