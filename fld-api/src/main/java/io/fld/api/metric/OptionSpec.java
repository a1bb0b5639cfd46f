package io.fld.api.metric;

import java.util.Objects;

/**
 * One documented option of a metric or extractor.
 *
 * @param name the option name, lower-case with hyphens, such as {@code gen-size}
 * @param type the value type shown to users: {@code int}, {@code double}, {@code string} or an
 *     enumeration such as {@code train|test}
 * @param defaultValue the value used when the option is absent
 * @param description what the option sets, and in what unit
 */
public record OptionSpec(String name, String type, String defaultValue, String description) {
  public OptionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
  }
}
