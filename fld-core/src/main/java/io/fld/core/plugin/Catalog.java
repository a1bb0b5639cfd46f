package io.fld.core.plugin;

import io.fld.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The providers of one kind, by name. */
final class Catalog<T> {
  /** Lower-case letters and digits, with underscores or hyphens inside, starting with a letter. */
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  private final ProviderKind kind;
  private final Map<String, Registered<T>> byName = new TreeMap<>();

  Catalog(ProviderKind kind) {
    this.kind = kind;
  }

  /**
   * Adds a provider.
   *
   * @throws PluginException if the name is invalid or already taken; the message names both plugins
   *     and their jars
   */
  void add(String name, String description, T provider, PluginOrigin origin) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new PluginException(
          kind.singular()
              + " name '"
              + name
              + "' of "
              + origin.describe()
              + " is invalid: names use lower-case letters, digits, '_' and '-' and start with a"
              + " letter; fix the plugin or remove its jar");
    }
    Registered<T> previous = byName.get(name);
    if (previous != null) {
      throw new PluginException(
          "duplicate "
              + kind.singular()
              + " '"
              + name
              + "': provided by "
              + previous.origin().describe()
              + " and by "
              + origin.describe()
              + "; remove one of the two jars");
    }
    String text = description == null ? "" : description;
    byName.put(name, new Registered<>(kind, name, text, provider, origin));
  }

  /** Returns the provider named {@code name}, if any. */
  Optional<Registered<T>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Returns the provider named {@code name}.
   *
   * @throws InvalidInputException naming the kind and the name and listing the available names
   */
  Registered<T> require(String name) {
    Registered<T> found = byName.get(name);
    if (found == null) {
      throw new InvalidInputException(
          "no "
              + kind.singular()
              + " named '"
              + name
              + "'; available "
              + kind.plural()
              + ": "
              + namesOrNone()
              + pluginHint());
    }
    return found;
  }

  /** Returns every provider, sorted by name. */
  List<Registered<T>> all() {
    return Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }

  /** Returns the names, comma-separated, or {@code (none)}. */
  String namesOrNone() {
    return byName.isEmpty() ? "(none)" : String.join(", ", byName.keySet());
  }

  private String pluginHint() {
    return "; a plugin jar in a plugin folder (--plugins DIR or $FLD_HOME/plugins) adds more";
  }
}
