/**
 * Plugin discovery and the registry of named providers.
 *
 * <p>{@link io.fld.core.plugin.PluginDiscovery} finds {@link io.fld.api.plugin.FldPlugin}
 * implementations through {@link java.util.ServiceLoader} in the application's module layer, on the
 * class path and in plugin folders. {@link io.fld.core.plugin.PluginRegistry} indexes their
 * metrics, extractors, sample sources and score kinds by validated name, rejects duplicate names,
 * and lists the available names when a lookup fails. Discovery only calls the plugins' provider
 * methods, so listing never loads a model.
 */
package io.fld.core.plugin;
