package io.fld.cli;

import io.fld.api.InvalidInputException;
import io.fld.api.metric.Role;
import io.fld.core.io.FeatureFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One input set given on the command line: a feature file or a folder of samples.
 *
 * @param role the set's role
 * @param path the path as given
 * @param folder whether the path is a folder of samples, which needs an extractor
 */
record InputSpec(Role role, Path path, boolean folder) {
  InputSpec {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(path, "path");
  }

  /** Returns the option that gave this input, such as {@code --train}. */
  String option() {
    return "--" + role.label();
  }

  /** Returns a label such as {@code --train train.npy} for messages. */
  String label() {
    return option() + " " + path;
  }

  /**
   * Checks that {@code path} exists and is a feature file, or a folder when an extractor is given.
   *
   * @throws InvalidInputException naming the option and the path and saying what to give instead
   */
  static InputSpec check(Role role, Path path, boolean extractorGiven) {
    String option = "--" + role.label();
    if (!Files.exists(path)) {
      throw new InvalidInputException(option + " " + path + " does not exist; check the path");
    }
    if (Files.isDirectory(path)) {
      if (!extractorGiven) {
        throw new InvalidInputException(
            option
                + " "
                + path
                + " is a folder; give --extractor ID to extract features from its samples"
                + " (fld list shows the extractors), or give a feature file");
      }
      return new InputSpec(role, path, true);
    }
    if (!FeatureFiles.isFeatureFile(path)) {
      throw new InvalidInputException(
          option
              + " "
              + path
              + " is neither a folder nor a feature file; feature files end in .npy, .npz or"
              + " .safetensors");
    }
    return new InputSpec(role, path, false);
  }
}
