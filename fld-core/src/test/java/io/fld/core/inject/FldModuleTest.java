package io.fld.core.inject;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.fld.core.extract.DefaultFeatureExtraction;
import io.fld.core.extract.FeatureExtraction;
import io.fld.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FldModuleTest {
  @TempDir Path work;

  private Injector injector() {
    FldConfig config =
        new FldConfig(work, work.resolve("features"), work.resolve("models"), List.of(), 0);
    return Guice.createInjector(new FldModule(config));
  }

  @Test
  void servicesAreSingletons() {
    Injector injector = injector();

    assertSame(
        injector.getInstance(PluginRegistry.class), injector.getInstance(PluginRegistry.class));
    assertSame(
        injector.getInstance(FeatureExtraction.class),
        injector.getInstance(FeatureExtraction.class));
    assertInstanceOf(DefaultFeatureExtraction.class, injector.getInstance(FeatureExtraction.class));
  }

  @Test
  void executorUsesDaemonThreads() throws Exception {
    ExecutorService executor = injector().getInstance(ExecutorService.class);

    Future<Boolean> daemon = executor.submit(() -> Thread.currentThread().isDaemon());

    assertTrue(daemon.get());
  }
}
