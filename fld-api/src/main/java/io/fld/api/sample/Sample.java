package io.fld.api.sample;

import java.util.Objects;

/**
 * One sample and the name that identifies it in messages and reports, such as its relative path.
 *
 * @param name the sample's name, unique within its source
 * @param value the decoded sample
 * @param <T> the sample type, such as {@link RgbImage} or {@link AudioClip}
 */
public record Sample<T>(String name, T value) {
  public Sample {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
