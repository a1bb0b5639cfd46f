/**
 * Guice wiring of the core services. Create an injector with {@code Guice.createInjector(new
 * FldModule(FldConfig.fromEnvironment(List.of())))} and ask it for a {@link
 * io.fld.core.plugin.PluginRegistry} or a {@link io.fld.core.extract.FeatureExtraction}.
 */
package io.fld.core.inject;
