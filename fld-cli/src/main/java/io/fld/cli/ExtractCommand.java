package io.fld.cli;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.core.extract.ExtractionRequest;
import io.fld.core.io.FeatureFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fld extract}: writes the features of a folder of samples to a feature file. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    versionProvider = FldCommand.VersionProvider.class,
    description =
        "Extract features from a folder of samples into a feature file, one row per"
            + " sample in sorted path order.")
final class ExtractCommand implements Callable<Integer> {
  private static final System.Logger LOG = System.getLogger(ExtractCommand.class.getName());

  private final CliContext context;

  @Mixin GlobalOptions global;
  @Mixin ExtractionSettings extraction;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "PATH",
      description = "The folder of samples.")
  Path input;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE.npy",
      description = "The feature file to write (.npy, .npz or .safetensors).")
  Path output;

  ExtractCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    if (!extraction.hasExtractor()) {
      throw new InvalidInputException(
          "extract needs --extractor ID; fld list shows the extractors");
    }
    InputSpec.requireNonEmpty("--input", input);
    if (!Files.exists(input)) {
      throw new InvalidInputException("--input " + input + " does not exist; check the path");
    }
    if (!FeatureFiles.isFeatureFile(output)) {
      throw new InvalidInputException(
          "--output " + output + " must end in .npy, .npz or .safetensors");
    }
    Path target = checkedOutput();
    context.registry().extractor(extraction.extractorId());

    ExtractionRequest request = extraction.request(context.config().featureCache());
    FeatureSet features = context.extraction().extract(input, request);
    FeatureFiles.write(target, features);
    LOG.log(
        System.Logger.Level.INFO,
        "wrote {0} x {1} features to {2}",
        String.valueOf(features.rows()),
        String.valueOf(features.dimension()),
        output);
    return Main.OK;
  }

  /**
   * Checks {@code --output} before extraction and returns the file to write: the real file when it
   * is a symbolic link, so that the link stays. A device or pipe is rejected, because feature files
   * are written by renaming a complete temporary file over the target.
   */
  private Path checkedOutput() {
    AtomicFiles.check("--output", output);
    Path target = AtomicFiles.resolve("--output " + output, output);
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      throw new InvalidInputException(
          "--output "
              + output
              + " is not a regular file; give the path of a feature file to create or replace");
    }
    return target;
  }
}
