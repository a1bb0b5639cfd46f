package io.fld.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fld.api.plugin.FldPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PluginDeclarationTest {
  private static final String SERVICE = FldPlugin.class.getName();

  @Test
  void moduleInfoAndServiceFileDeclareSameProvider() throws IOException {
    Path classes =
        Path.of(AudioPlugin.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    ModuleDescriptor descriptor = ModuleFinder.of(classes).findAll().iterator().next().descriptor();
    assertEquals("io.fld.audio", descriptor.name());
    List<String> declared =
        descriptor.provides().stream()
            .filter(provides -> provides.service().equals(SERVICE))
            .flatMap(provides -> provides.providers().stream())
            .toList();

    try (InputStream in = AudioPlugin.class.getResourceAsStream("/META-INF/services/" + SERVICE)) {
      List<String> listed =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith("#"))
              .toList();
      assertEquals(List.of(AudioPlugin.class.getName()), declared);
      assertEquals(declared, listed);
    }
  }

  @Test
  void serviceLoaderFindsAudioContributions() {
    FldPlugin plugin =
        ServiceLoader.load(FldPlugin.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(AudioPlugin.class::isInstance)
            .findFirst()
            .orElseThrow();
    assertEquals("vggish", plugin.extractors().get(0).name());
    assertEquals(128, plugin.extractors().get(0).dimension());
    assertEquals("audio-folder", plugin.sampleSources().get(0).name());
    assertTrue(plugin.metrics().isEmpty());
  }
}
