package io.fld.cli;

import io.fld.api.InvalidInputException;
import io.fld.api.feature.FeatureSet;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.Role;
import io.fld.api.metric.SampleScoreProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fld scores}: one memorization or quality score per generated sample, as CSV. */
@Command(
    name = "scores",
    mixinStandardHelpOptions = true,
    versionProvider = FldCommand.VersionProvider.class,
    description = "Write one score per generated sample (index,name,score) to a CSV file.")
final class ScoresCommand implements Callable<Integer> {
  private static final System.Logger LOG = System.getLogger(ScoresCommand.class.getName());

  private final CliContext context;

  @Mixin GlobalOptions global;
  @Mixin InputOptions inputs;
  @Mixin ExtractionSettings extraction;

  @Option(
      names = "--kind",
      required = true,
      paramLabel = "KIND",
      description = "Score kind, such as memorization or quality (see fld list).")
  String kind;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE.csv",
      description = "The CSV file to write.")
  Path output;

  @Option(
      names = "--option",
      paramLabel = "NAME=VALUE",
      description = "An option of the score kind (repeatable; see fld list).")
  List<String> scoreOptions = new ArrayList<>();

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + MetricOptions.DEFAULT_SEED,
      description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
  long seed;

  @Spec CommandSpec spec;

  ScoresCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws Exception {
    AtomicFiles.check("--output", output);
    List<InputSpec> specs = inputs.check(extraction.hasExtractor());
    AtomicFiles.requireNotInput("--output", output, specs);
    EnumSet<Role> given = EnumSet.noneOf(Role.class);
    specs.forEach(spec -> given.add(spec.role()));
    if (!given.contains(Role.GEN)) {
      throw new InvalidInputException("scores needs --gen, the samples to score");
    }
    SampleScoreProvider provider = context.registry().sampleScore(kind);
    MetricOptions options = MetricOptions.of(KeyValueOptions.parse("--option", scoreOptions), seed);
    options.requireKnownFor("score kind " + kind, provider.options());
    UnusedOptions.warn(spec.commandLine().getParseResult(), specs);

    Map<Role, FeatureLoader.Loaded> loaded =
        new FeatureLoader(context, extraction, inputs).load(specs);
    FeatureLoader.Loaded gen = loaded.get(Role.GEN);

    double[] scores =
        provider.score(
            features(loaded, Role.TRAIN), features(loaded, Role.TEST), gen.features(), options);
    if (scores.length != gen.features().rows()) {
      throw new IllegalStateException(
          "score kind "
              + kind
              + " returned "
              + scores.length
              + " scores for "
              + gen.features().rows()
              + " generated samples");
    }
    AtomicFiles.write(output, csv(gen.sampleNames(), scores));
    LOG.log(
        System.Logger.Level.INFO,
        "wrote {0} {1} scores to {2}",
        String.valueOf(scores.length),
        kind,
        output);
    return Main.OK;
  }

  private static FeatureSet features(Map<Role, FeatureLoader.Loaded> loaded, Role role) {
    FeatureLoader.Loaded set = loaded.get(role);
    return set == null ? null : set.features();
  }

  private static String csv(List<String> names, double[] scores) {
    StringBuilder text = new StringBuilder("index,name,score\n");
    for (int i = 0; i < scores.length; i++) {
      text.append(i)
          .append(',')
          .append(quote(names.get(i)))
          .append(',')
          .append(scores[i])
          .append('\n');
    }
    return text.toString();
  }

  /** Quotes a CSV field when it contains a comma, a quote or a line break (RFC 4180). */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
