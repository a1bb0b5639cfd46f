package io.fld.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.fld.core.extract.DefaultFeatureExtraction;
import io.fld.core.extract.FeatureExtraction;
import io.fld.core.plugin.PluginRegistry;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wires the core services: the configuration, the plugin registry, a shared executor of daemon
 * threads (one per available processor) and the feature extraction.
 */
@SuppressWarnings("exports") // Callers pass the module to Guice, which they require themselves.
public final class FldModule extends AbstractModule {
  private final FldConfig config;

  /** Creates the module for {@code config}. */
  public FldModule(FldConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  protected void configure() {
    bind(FldConfig.class).toInstance(config);
    bind(FeatureExtraction.class).to(DefaultFeatureExtraction.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  PluginRegistry registry(FldConfig configuration) {
    return PluginRegistry.discover(configuration.pluginDirectories());
  }

  @Provides
  @Singleton
  ExecutorService executor() {
    return Executors.newFixedThreadPool(
        Runtime.getRuntime().availableProcessors(), daemonThreads("fld-worker-"));
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
