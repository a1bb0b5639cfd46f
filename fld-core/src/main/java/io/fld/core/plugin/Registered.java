package io.fld.core.plugin;

import java.util.Objects;

/**
 * A named provider in the registry.
 *
 * @param kind the provider kind
 * @param name the validated name the provider is looked up by
 * @param description the provider's one-line description
 * @param provider the provider itself
 * @param origin the plugin that contributed it
 * @param <T> the provider type
 */
public record Registered<T>(
    ProviderKind kind, String name, String description, T provider, PluginOrigin origin) {
  public Registered {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(origin, "origin");
  }
}
