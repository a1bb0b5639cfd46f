package io.fld.cli;

import io.fld.api.metric.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The three input sets and how feature files are read. */
final class InputOptions {
  @Option(
      names = "--train",
      paramLabel = "PATH",
      description = "Training samples: a folder, or a .npy, .npz or .safetensors file.")
  Path train;

  @Option(
      names = "--test",
      paramLabel = "PATH",
      description = "Held-out test samples: a folder or a feature file.")
  Path test;

  @Option(
      names = "--gen",
      paramLabel = "PATH",
      description = "Generated samples: a folder or a feature file.")
  Path gen;

  @Option(
      names = "--key",
      paramLabel = "NAME",
      description =
          "The array to read from .npz and .safetensors files with several arrays; files with"
              + " one array ignore it.")
  String key;

  Optional<String> key() {
    return Optional.ofNullable(key);
  }

  /** Returns the given inputs, checked, in the order train, test, gen. */
  List<InputSpec> check(boolean extractorGiven) {
    List<InputSpec> inputs = new ArrayList<>();
    add(inputs, Role.TRAIN, train, extractorGiven);
    add(inputs, Role.TEST, test, extractorGiven);
    add(inputs, Role.GEN, gen, extractorGiven);
    return inputs;
  }

  private static void add(List<InputSpec> inputs, Role role, Path path, boolean extractorGiven) {
    if (path != null) {
      inputs.add(InputSpec.check(role, path, extractorGiven));
    }
  }
}
