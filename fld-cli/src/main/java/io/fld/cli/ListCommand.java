package io.fld.cli;

import io.fld.api.extract.FeatureExtractorProvider;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.OptionSpec;
import io.fld.api.metric.SampleScoreProvider;
import io.fld.api.sample.SampleSourceProvider;
import io.fld.core.plugin.LoadedPlugin;
import io.fld.core.plugin.PluginRegistry;
import io.fld.core.plugin.Registered;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code fld list}: the discovered providers and the plugins they came from. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = FldCommand.VersionProvider.class,
    description = "List the discovered extractors, metrics, sample sources and score kinds.")
final class ListCommand implements Callable<Integer> {
  private static final String INDENT = "  ";
  private static final String OPTION_INDENT = "      ";

  private final CliContext context;

  @Mixin GlobalOptions global;

  ListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    PluginRegistry registry = context.registry();
    PrintStream out = context.out();

    out.println("extractors:");
    for (Registered<FeatureExtractorProvider> entry : registry.extractors()) {
      FeatureExtractorProvider provider = entry.provider();
      String detail =
          "dimension " + provider.dimension() + ", reads " + provider.sampleType().getSimpleName();
      line(out, entry, detail);
    }
    empty(out, registry.extractors());

    out.println("metrics:");
    for (String id : MetricSelection.defaultOrder(registry)) {
      Registered<MetricProvider> entry = registry.findMetric(id).orElseThrow();
      line(out, entry, null);
      options(out, entry.name() + ".", entry.provider().options());
    }
    empty(out, registry.metrics());

    out.println("sample sources:");
    for (Registered<SampleSourceProvider> entry : registry.sampleSources()) {
      line(out, entry, "yields " + entry.provider().sampleType().getSimpleName());
    }
    empty(out, registry.sampleSources());
    if (!registry.sampleSources().isEmpty()) {
      out.println(
          INDENT
              + "give a source the options its description names with --source-option NAME=VALUE,"
              + " such as --source-option extensions=png");
    }

    out.println("score kinds:");
    for (Registered<SampleScoreProvider> entry : registry.sampleScores()) {
      line(out, entry, null);
      options(out, "", entry.provider().options());
    }
    empty(out, registry.sampleScores());

    out.println("plugins:");
    for (LoadedPlugin plugin : registry.plugins()) {
      String name = plugin.origin().pluginName();
      String label = name.equals(plugin.origin().pluginClass()) ? "" : name + "  ";
      out.println(INDENT + label + plugin.origin().describe());
    }
    empty(out, registry.plugins());
    return Main.OK;
  }

  private static void line(PrintStream out, Registered<?> entry, String detail) {
    String suffix = detail == null ? "" : " (" + detail + ")";
    out.println(INDENT + entry.name() + "  " + entry.description() + suffix);
    out.println(
        OPTION_INDENT + "from " + entry.origin().pluginName() + ": " + entry.origin().location());
  }

  private static void options(PrintStream out, String prefix, List<OptionSpec> specs) {
    for (OptionSpec spec : specs) {
      out.println(
          OPTION_INDENT
              + "--option "
              + prefix
              + spec.name()
              + "="
              + spec.type()
              + " (default "
              + spec.defaultValue()
              + "): "
              + spec.description());
    }
  }

  private static void empty(PrintStream out, List<?> entries) {
    if (entries.isEmpty()) {
      out.println(INDENT + "(none)");
    }
  }
}
