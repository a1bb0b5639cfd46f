package io.fld.core.plugin;

import java.util.Objects;

/**
 * Where a plugin was loaded from, for listings and for messages about conflicting providers.
 *
 * @param pluginName the plugin's {@link io.fld.api.plugin.FldPlugin#name()}
 * @param pluginClass the fully qualified class name of the plugin
 * @param location the jar or folder the class was loaded from, or {@code unknown}
 * @param loading how the jar was loaded: {@code class path}, {@code module io.fld.example}, {@code
 *     module layer of <folder>} or {@code class loader of <folder>}
 */
public record PluginOrigin(String pluginName, String pluginClass, String location, String loading) {

  public PluginOrigin {
    Objects.requireNonNull(pluginName, "pluginName");
    Objects.requireNonNull(pluginClass, "pluginClass");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(loading, "loading");
  }

  /** Returns a one-line description such as {@code io.fld.example.ExamplePlugin (x.jar, ...)}. */
  public String describe() {
    return pluginClass + " (" + location + ", " + loading + ")";
  }
}
