package io.fld.core.plugin;

import io.fld.api.plugin.FldPlugin;
import java.util.Objects;

/**
 * A plugin instance with where it came from.
 *
 * @param plugin the plugin
 * @param origin its class, jar and loading mechanism
 */
public record LoadedPlugin(FldPlugin plugin, PluginOrigin origin) {
  public LoadedPlugin {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(origin, "origin");
  }
}
