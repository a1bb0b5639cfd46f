package io.fld.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import io.fld.api.plugin.FldPlugin;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Loads the plugin from a module layer built of the compiled module, fld-api and ONNX Runtime, as
 * the tool does on the module path. The tests otherwise run on the class path, where only {@code
 * META-INF/services} counts.
 */
class ModulePathDiscoveryTest {

  @Test
  void pluginIsFoundOnModulePath() throws Exception {
    ModuleFinder finder =
        ModuleFinder.of(
            location(AudioPlugin.class), location(FldPlugin.class), location(OrtEnvironment.class));
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration =
        boot.configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of("io.fld.audio"));
    ModuleLayer layer =
        boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());

    Class<?> service = layer.findLoader("io.fld.api").loadClass(FldPlugin.class.getName());
    List<Object> plugins =
        ServiceLoader.load(layer, service).stream()
            .map(ServiceLoader.Provider::get)
            .map(Object.class::cast)
            .toList();

    assertEquals(1, plugins.size());
    Object plugin = plugins.get(0);
    assertEquals("io.fld.audio", plugin.getClass().getModule().getName());
    assertTrue(plugin.getClass().getModule().isNamed());

    Method extractors = service.getMethod("extractors");
    Object provider = ((List<?>) extractors.invoke(plugin)).get(0);
    assertEquals("vggish", provider.getClass().getMethod("name").invoke(provider));
  }

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
