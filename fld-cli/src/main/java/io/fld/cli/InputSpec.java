package io.fld.cli;

import io.fld.api.InvalidInputException;
import io.fld.api.metric.Role;
import io.fld.core.io.FeatureFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One input set given on the command line: a feature file, or samples to extract features from (a
 * folder, or any other path that a sample source reads, such as a zip archive).
 *
 * @param role the set's role
 * @param path the path as given
 * @param folder whether the path contains samples, which need an extractor, instead of features
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
   * Checks that {@code path} exists and is a feature file; when an extractor is given, any other
   * path is taken as samples, and the sample sources decide whether they can read it.
   *
   * @throws InvalidInputException naming the option and the path and saying what to give instead
   */
  /**
   * Rejects an empty path, which would otherwise resolve to the working folder and be scanned
   * whole.
   */
  static void requireNonEmpty(String option, Path path) {
    if (path.toString().isBlank()) {
      throw new InvalidInputException(option + " is empty; give the path of a folder or file");
    }
  }

  static InputSpec check(Role role, Path path, boolean extractorGiven) {
    String option = "--" + role.label();
    requireNonEmpty(option, path);
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
    if (FeatureFiles.isFeatureFile(path)) {
      return new InputSpec(role, path, false);
    }
    if (extractorGiven) {
      return new InputSpec(role, path, true);
    }
    throw new InvalidInputException(
        option
            + " "
            + path
            + " is not a feature file (those end in .npy, .npz or .safetensors); give"
            + " --extractor ID to extract features from the samples it contains");
  }
}
