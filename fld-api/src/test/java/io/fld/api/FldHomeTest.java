package io.fld.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FldHomeTest {

  @Test
  void fldHomeWinsOverTheCacheFolder() {
    Path home = FldHome.resolve(Map.of("FLD_HOME", "/a", "XDG_CACHE_HOME", "/b"), "/u");

    assertEquals(Path.of("/a"), home);
  }

  @Test
  void xdgCacheUsedWithoutFldHome() {
    Path home = FldHome.resolve(Map.of("XDG_CACHE_HOME", "/b"), "/u");

    assertEquals(Path.of("/b/fld"), home);
    assertEquals(Path.of("/b/fld/models"), FldHome.modelDirectory(home));
  }

  @Test
  void userCacheIsLastFallback() {
    assertEquals(Path.of("/u/.cache/fld"), FldHome.resolve(Map.of("XDG_CACHE_HOME", " "), "/u"));
  }
}
