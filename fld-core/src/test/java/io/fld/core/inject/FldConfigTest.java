package io.fld.core.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FldConfigTest {
  @TempDir Path work;

  @Test
  void explicitHomeWins() {
    Map<String, String> environment =
        Map.of("FLD_HOME", work.toString(), "XDG_CACHE_HOME", "/elsewhere");

    FldConfig config = FldConfig.fromEnvironment(environment, "/home/user", List.of());

    assertEquals(work, config.home());
    assertEquals(work.resolve("features"), config.featureCache());
    assertEquals(work.resolve("models"), config.modelDirectory());
  }

  @Test
  void xdgCacheBeforeUserHome() {
    FldConfig config =
        FldConfig.fromEnvironment(Map.of("XDG_CACHE_HOME", "/xdg"), "/home/user", List.of());

    assertEquals(Path.of("/xdg/fld"), config.home());
  }

  @Test
  void userHomeFallback() {
    FldConfig config = FldConfig.fromEnvironment(Map.of(), "/home/user", List.of());

    assertEquals(Path.of("/home/user/.cache/fld"), config.home());
    assertEquals(0, config.defaultSeed());
  }

  @Test
  void homePluginsAfterExplicitFolders() throws IOException {
    Path homePlugins = Files.createDirectories(work.resolve("plugins"));
    Path extra = work.resolve("extra");

    FldConfig config =
        FldConfig.fromEnvironment(
            Map.of("FLD_HOME", work.toString()), "/home/user", List.of(extra));

    assertEquals(List.of(extra, homePlugins), config.pluginDirectories());
  }

  @Test
  void missingHomePluginsSkipped() {
    FldConfig config =
        FldConfig.fromEnvironment(Map.of("FLD_HOME", work.toString()), "/home/user", List.of());

    assertEquals(List.of(), config.pluginDirectories());
  }
}
