package io.fld.core.extract;

import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.sample.SampleSource;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A resolved extraction: the opened sample source and the extractor provider for one input. It
 * carries everything a feature cache key needs ({@link SampleSource#fingerprint()}, the extractor
 * id, and, once opened, its checksum and preprocessing).
 *
 * @param input the path the user gave
 * @param source the opened sample source
 * @param extractor the provider of the requested extractor
 * @param request the request it was resolved from
 */
public record ExtractionPlan(
    Path input,
    SampleSource<?> source,
    FeatureExtractorProvider extractor,
    ExtractionRequest request) {
  public ExtractionPlan {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(request, "request");
  }
}
