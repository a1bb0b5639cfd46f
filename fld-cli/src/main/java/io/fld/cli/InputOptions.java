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

  @Option(
      names = "--train-key",
      paramLabel = "NAME",
      description = "The array to read from the --train file, in place of --key.")
  String trainKey;

  @Option(
      names = "--test-key",
      paramLabel = "NAME",
      description = "The array to read from the --test file, in place of --key.")
  String testKey;

  @Option(
      names = "--gen-key",
      paramLabel = "NAME",
      description = "The array to read from the --gen file, in place of --key.")
  String genKey;

  /**
   * Returns the array key given for the file of {@code role}: its own key option, or else {@code
   * --key}.
   */
  ArrayKey key(Role role) {
    String own =
        switch (role) {
          case TRAIN -> trainKey;
          case TEST -> testKey;
          case GEN -> genKey;
        };
    if (own != null) {
      return new ArrayKey(Optional.of(own), true);
    }
    return new ArrayKey(Optional.ofNullable(key), false);
  }

  /**
   * The array key to read from one input file.
   *
   * @param name the key, if one was given
   * @param own whether it was given for this set alone, in which case it applies even to a file
   *     with one array; {@code --key} applies only to files with several arrays
   */
  record ArrayKey(Optional<String> name, boolean own) {}

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
