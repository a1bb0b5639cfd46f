package io.fld.cli;

import java.util.List;
import picocli.CommandLine.ParseResult;

/** Warns about options that were given but have no effect on the inputs given. */
final class UnusedOptions {
  private static final System.Logger LOG = System.getLogger(UnusedOptions.class.getName());

  /** Options that only change how folders of samples become features. */
  private static final List<String> EXTRACTION_OPTIONS =
      List.of(
          "--extractor",
          "--model",
          "--batch-size",
          "--device",
          "--cache",
          "--no-cache",
          "--cache-name",
          "--source-option",
          "--extractor-option",
          "--skip-invalid");

  private UnusedOptions() {}

  /** Logs one warning for each kind of option in {@code parsed} that {@code inputs} do not use. */
  static void warn(ParseResult parsed, List<InputSpec> inputs) {
    boolean anyFolder = inputs.stream().anyMatch(InputSpec::folder);
    if (!anyFolder) {
      List<String> unused = EXTRACTION_OPTIONS.stream().filter(parsed::hasMatchedOption).toList();
      if (!unused.isEmpty()) {
        LOG.log(
            System.Logger.Level.WARNING,
            "{0} not used because every input is a feature file",
            String.join(", ", unused));
      }
    }
    for (InputSpec input : inputs) {
      String keyOption = "--" + input.role().label() + "-key";
      if (input.folder() && parsed.hasMatchedOption(keyOption)) {
        LOG.log(
            System.Logger.Level.WARNING,
            "{0} not used because --{1} is a folder of samples, not a feature file",
            keyOption,
            input.role().label());
      }
    }
    if (parsed.hasMatchedOption("--key") && inputs.stream().allMatch(InputSpec::folder)) {
      LOG.log(
          System.Logger.Level.WARNING,
          "--key not used because every input is a folder of samples, not a feature file");
    }
  }
}
