package io.fld.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginDiscoveryTest {
  @TempDir Path work;

  private Path pluginFolder() throws IOException {
    return Files.createDirectories(work.resolve("plugins"));
  }

  @Test
  void plainJarLoaded() throws IOException {
    Path folder = pluginFolder();
    Path jar =
        PluginJars.build(
            work,
            folder.resolve("alpha.jar"),
            Map.of("alpha/Plugin.java", PluginJars.metricPlugin("alpha", "alpha_metric")),
            "alpha.Plugin");

    List<LoadedPlugin> plugins = PluginDiscovery.fromFolder(folder);

    assertEquals(1, plugins.size());
    PluginOrigin origin = plugins.get(0).origin();
    assertEquals("alpha.Plugin", origin.pluginClass());
    assertEquals(jar.toString(), origin.location());
    assertTrue(origin.loading().startsWith("class loader of "), origin.loading());
    assertEquals("alpha_metric", plugins.get(0).plugin().metrics().get(0).name());
  }

  @Test
  void eachPlainJarOwnLoader() throws IOException {
    Path folder = pluginFolder();
    PluginJars.build(
        work,
        folder.resolve("alpha.jar"),
        Map.of("alpha/Plugin.java", PluginJars.metricPlugin("alpha", "alpha_metric")),
        "alpha.Plugin");
    PluginJars.build(
        work,
        folder.resolve("beta.jar"),
        Map.of("beta/Plugin.java", PluginJars.metricPlugin("beta", "beta_metric")),
        "beta.Plugin");

    List<LoadedPlugin> plugins = PluginDiscovery.fromFolder(folder);

    assertEquals(2, plugins.size());
    assertNotSame(
        plugins.get(0).plugin().getClass().getClassLoader(),
        plugins.get(1).plugin().getClass().getClassLoader());
  }

  @Test
  void modularJarOnClassPathLoadsThroughServices() throws IOException {
    Path folder = pluginFolder();
    PluginJars.build(
        work,
        folder.resolve("gamma.jar"),
        Map.of(
            "gamma/Plugin.java", PluginJars.metricPlugin("gamma", "gamma_metric"),
            "module-info.java", PluginJars.moduleInfo("test.gamma", "gamma")),
        "gamma.Plugin");

    List<LoadedPlugin> plugins = PluginDiscovery.fromFolder(folder);

    assertEquals(1, plugins.size());
    assertEquals("gamma_metric", plugins.get(0).plugin().metrics().get(0).name());
  }

  @Test
  void duplicateAcrossJarsNamesBoth() throws IOException {
    Path folder = pluginFolder();
    PluginJars.build(
        work,
        folder.resolve("one.jar"),
        Map.of("one/Plugin.java", PluginJars.metricPlugin("one", "shared")),
        "one.Plugin");
    PluginJars.build(
        work,
        folder.resolve("two.jar"),
        Map.of("two/Plugin.java", PluginJars.metricPlugin("two", "shared")),
        "two.Plugin");

    PluginException error =
        assertThrows(PluginException.class, () -> PluginRegistry.discover(List.of(folder)));

    assertTrue(error.getMessage().contains("duplicate metric 'shared'"), error.getMessage());
    assertTrue(error.getMessage().contains("one.jar"), error.getMessage());
    assertTrue(error.getMessage().contains("two.jar"), error.getMessage());
  }

  @Test
  void brokenServiceEntryNamesJar() throws IOException {
    Path folder = pluginFolder();
    PluginJars.build(
        work,
        folder.resolve("broken.jar"),
        Map.of("broken/Plugin.java", PluginJars.metricPlugin("broken", "broken_metric")),
        "broken.Missing");

    PluginException error =
        assertThrows(PluginException.class, () -> PluginDiscovery.fromFolder(folder));

    assertTrue(error.getMessage().contains("broken"), error.getMessage());
  }

  @Test
  void damagedJarNamed() throws IOException {
    Path folder = pluginFolder();
    Path damaged = folder.resolve("damaged.jar");
    Files.write(damaged, PluginJars.utf8("not a zip archive"));

    PluginException error =
        assertThrows(PluginException.class, () -> PluginDiscovery.fromFolder(folder));

    assertTrue(error.getMessage().contains(damaged.toString()), error.getMessage());
    assertTrue(error.getMessage().contains("cannot be read as a jar"), error.getMessage());
  }

  @Test
  void jarWithoutPluginAddsNothing() throws IOException {
    Path folder = pluginFolder();
    PluginJars.build(
        work,
        folder.resolve("library.jar"),
        Map.of("library/Plugin.java", PluginJars.metricPlugin("library", "library_metric")),
        null);

    assertEquals(List.of(), PluginDiscovery.fromFolder(folder));
  }

  @Test
  void missingFolderRejected() {
    Path missing = work.resolve("nowhere");

    InvalidInputException error =
        assertThrows(InvalidInputException.class, () -> PluginDiscovery.fromFolder(missing));

    assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
  }

  @Test
  void nonJarFilesIgnored() throws IOException {
    Path folder = pluginFolder();
    Files.write(folder.resolve("README.txt"), PluginJars.utf8("not a plugin"));

    assertEquals(List.of(), PluginDiscovery.fromFolder(folder));
  }
}
