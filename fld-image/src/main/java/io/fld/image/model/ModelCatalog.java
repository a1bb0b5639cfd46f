package io.fld.image.model;

import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.plugin.FldPlugin;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The model entries of the installed extractors, found through their providers. */
public final class ModelCatalog {

  private ModelCatalog() {}

  /** Returns the entries of the providers that manage a model file, sorted by extractor id. */
  public static List<ModelEntry> of(Collection<? extends FeatureExtractorProvider> providers) {
    return providers.stream()
        .filter(ModelBacked.class::isInstance)
        .map(provider -> ((ModelBacked) provider).modelEntry())
        .sorted(Comparator.comparing(ModelEntry::extractorId))
        .toList();
  }

  /** Returns the entries of the extractors that plugins on the class or module path contribute. */
  public static List<ModelEntry> discover() {
    List<FeatureExtractorProvider> providers =
        ServiceLoader.load(FldPlugin.class).stream()
            .flatMap(plugin -> plugin.get().extractors().stream())
            .toList();
    return of(providers);
  }
}
