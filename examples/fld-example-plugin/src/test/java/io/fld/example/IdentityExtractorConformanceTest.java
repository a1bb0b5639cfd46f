package io.fld.example;

import io.fld.api.extract.ExtractorOptions;
import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.core.conformance.ExtractorConformanceTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class IdentityExtractorConformanceTest extends ExtractorConformanceTest {
  @Override
  protected FeatureExtractorProvider provider() {
    return new IdentityExtractorProvider();
  }

  @Override
  protected ExtractorOptions options() {
    return new ExtractorOptions(Optional.empty(), Path.of("models"), 8, 0, "cpu", Map.of());
  }

  @Override
  protected List<?> samples() {
    return List.of(new float[] {1, 2, 3, 4}, new float[] {-1, 0.5f, 0, 7}, new float[4]);
  }
}
