package io.fld.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.OptionSpec;
import io.fld.api.plugin.FldPlugin;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

  /** A metric provider that only has a name; creating a metric is never needed here. */
  private record NamedMetric(String name) implements MetricProvider {
    @Override
    public String description() {
      return "metric " + name;
    }

    @Override
    public List<OptionSpec> options() {
      return List.of();
    }

    @Override
    public Metric create(MetricOptions options) {
      throw new UnsupportedOperationException("listing only");
    }
  }

  private static LoadedPlugin plugin(String jar, String... metricNames) {
    List<MetricProvider> metrics =
        java.util.Arrays.stream(metricNames).map(n -> (MetricProvider) new NamedMetric(n)).toList();
    FldPlugin plugin =
        new FldPlugin() {
          @Override
          public List<MetricProvider> metrics() {
            return metrics;
          }
        };
    return new LoadedPlugin(plugin, new PluginOrigin("test", "test.Plugin", jar, "class path"));
  }

  @Test
  void lookupByName() {
    PluginRegistry registry = PluginRegistry.of(List.of(plugin("a.jar", "fid", "kid")));

    assertEquals("kid", registry.metric("kid").name());
    assertEquals(List.of("fid", "kid"), registry.metrics().stream().map(Registered::name).toList());
    assertEquals("a.jar", registry.findMetric("fid").orElseThrow().origin().location());
  }

  @Test
  void unknownNameListsAvailable() {
    PluginRegistry registry = PluginRegistry.of(List.of(plugin("a.jar", "fid_test", "fid")));

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> registry.metric("fdi"));

    assertTrue(
        error.getMessage().startsWith("no metric named 'fdi'; available metrics: fid, fid_test"),
        error.getMessage());
  }

  @Test
  void unknownExtractorNamesKind() {
    PluginRegistry registry = PluginRegistry.of(List.of(plugin("a.jar", "fid")));

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> registry.extractor("dinov2"));

    assertTrue(
        error.getMessage().startsWith("no extractor named 'dinov2'; available extractors: (none)"),
        error.getMessage());
  }

  @Test
  void duplicateNamesBothJars() {
    List<LoadedPlugin> plugins = List.of(plugin("first.jar", "fid"), plugin("second.jar", "fid"));

    PluginException error = assertThrows(PluginException.class, () -> PluginRegistry.of(plugins));

    assertTrue(error.getMessage().contains("duplicate metric 'fid'"), error.getMessage());
    assertTrue(error.getMessage().contains("first.jar"), error.getMessage());
    assertTrue(error.getMessage().contains("second.jar"), error.getMessage());
  }

  @Test
  void invalidNamesRejected() {
    for (String name : List.of("FID", "1fid", "fid score", "", "fid.test")) {
      List<LoadedPlugin> plugins = List.of(plugin("a.jar", name));

      PluginException error =
          assertThrows(PluginException.class, () -> PluginRegistry.of(plugins), name);

      assertTrue(error.getMessage().contains("'" + name + "'"), error.getMessage());
      assertTrue(error.getMessage().contains("a.jar"), error.getMessage());
    }
  }

  @Test
  void validNamesAccepted() {
    PluginRegistry registry =
        PluginRegistry.of(List.of(plugin("a.jar", "fld_p", "image-folder", "kid2")));

    assertSame(registry.metric("fld_p"), registry.metrics().get(0).provider());
    assertEquals(3, registry.metrics().size());
  }
}
