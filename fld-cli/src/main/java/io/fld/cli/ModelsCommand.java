package io.fld.cli;

import io.fld.api.InvalidInputException;
import io.fld.image.model.ModelCatalog;
import io.fld.image.model.ModelEntry;
import io.fld.image.model.ModelStatus;
import io.fld.image.model.ModelStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fld models list|pull|verify}: the model files of the installed extractors, in the model
 * folder ({@code --model-dir}, by default {@code $FLD_HOME/models} with {@code FLD_HOME} defaulting
 * to {@code ~/.cache/fld}).
 *
 * <p>Exit status: 0 on success, 2 for an unknown extractor id or another input error, 1 when a
 * download fails or a file does not match its checksum.
 */
@Command(
    name = "models",
    description = "List, download and verify the model files of the extractors.",
    mixinStandardHelpOptions = true,
    subcommands = {
      ModelsCommand.ListModels.class,
      ModelsCommand.PullModels.class,
      ModelsCommand.VerifyModels.class
    })
public final class ModelsCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int INVALID_INPUT = 2;

  @Option(
      names = "--model-dir",
      paramLabel = "DIR",
      description =
          "The model folder (default: $FLD_HOME/models; FLD_HOME defaults to $XDG_CACHE_HOME/fld"
              + " or ~/.cache/fld).")
  Path modelDirectory;

  @Spec CommandSpec spec;

  private final Supplier<List<ModelEntry>> catalog;

  /** Creates the command over the models of the extractors that plugins contribute. */
  public ModelsCommand() {
    this(ModelCatalog::discover);
  }

  /** Creates the command over the entries {@code catalog} supplies. */
  public ModelsCommand(Supplier<List<ModelEntry>> catalog) {
    this.catalog = catalog;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return INVALID_INPUT;
  }

  private ModelStore store() {
    return new ModelStore(modelDirectory == null ? ModelStore.defaultDirectory() : modelDirectory);
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Returns the entries for {@code ids}, or all of them when none are given. */
  private List<ModelEntry> select(List<String> ids) {
    List<ModelEntry> all = catalog.get();
    if (ids == null || ids.isEmpty()) {
      return all;
    }
    List<ModelEntry> selected = new ArrayList<>();
    for (String id : ids) {
      selected.add(
          all.stream()
              .filter(entry -> entry.extractorId().equals(id.toLowerCase(Locale.ROOT)))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "no extractor '"
                              + id
                              + "' with a model file; known: "
                              + String.join(
                                  ", ", all.stream().map(ModelEntry::extractorId).toList()))));
    }
    return selected;
  }

  private int run(List<String> ids, Step step) {
    try {
      int status = OK;
      for (ModelEntry entry : select(ids)) {
        status = Math.max(status, step.apply(entry));
      }
      out().flush();
      return status;
    } catch (InvalidInputException e) {
      err().println("error: " + e.getMessage());
      return INVALID_INPUT;
    }
  }

  /** One step of a subcommand on one model. */
  @FunctionalInterface
  private interface Step {
    int apply(ModelEntry entry);
  }

  /** {@code fld models list}: where each model file belongs and whether it is there. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the model files, their paths and addresses.")
  static final class ListModels implements Callable<Integer> {
    @ParentCommand ModelsCommand parent;

    @Override
    public Integer call() {
      ModelStore store = parent.store();
      return parent.run(
          List.of(),
          entry -> {
            Path path = store.pathOf(entry);
            String state = Files.isRegularFile(path) ? "present" : "missing";
            String address =
                entry.url().isBlank() ? "(no download; use --model FILE)" : entry.url();
            parent
                .out()
                .printf(
                    Locale.ROOT,
                    "%-10s %-8s %s%n%-10s %-8s %s%n",
                    entry.extractorId(),
                    state,
                    path,
                    "",
                    "from",
                    address);
            return OK;
          });
    }
  }

  /** {@code fld models pull [ID...]}: downloads missing or all listed models. */
  @Command(
      name = "pull",
      mixinStandardHelpOptions = true,
      description = "Download model files and verify their SHA-256.")
  static final class PullModels implements Callable<Integer> {
    @ParentCommand ModelsCommand parent;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Extractor ids (default: all).")
    List<String> ids;

    @Override
    public Integer call() {
      ModelStore store = parent.store();
      return parent.run(
          ids,
          entry -> {
            if (entry.url().isBlank()) {
              parent
                  .out()
                  .printf(
                      Locale.ROOT,
                      "%-10s no download address; pass --model FILE%n",
                      entry.extractorId());
              return OK;
            }
            try {
              Path path = store.pull(entry);
              String sha = store.expectedChecksum(entry).orElse("?");
              parent
                  .out()
                  .printf(Locale.ROOT, "%-10s %s sha256=%s%n", entry.extractorId(), path, sha);
              return OK;
            } catch (IOException e) {
              parent.err().println("error: " + e.getMessage());
              return FAILED;
            }
          });
    }
  }

  /** {@code fld models verify [ID...]}: hashes the files and compares the checksums. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Check model files against their SHA-256.")
  static final class VerifyModels implements Callable<Integer> {
    @ParentCommand ModelsCommand parent;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Extractor ids (default: all).")
    List<String> ids;

    @Override
    public Integer call() {
      ModelStore store = parent.store();
      return parent.run(
          ids,
          entry -> {
            try {
              ModelStatus status = store.verify(entry);
              parent
                  .out()
                  .printf(
                      Locale.ROOT,
                      "%-10s %-10s %s sha256=%s%n",
                      entry.extractorId(),
                      status.state().name().toLowerCase(Locale.ROOT),
                      status.path(),
                      status.actualSha256().orElse("-"));
              return status.state() == ModelStatus.State.MISMATCH ? FAILED : OK;
            } catch (IOException e) {
              parent.err().println("error: " + e.getMessage());
              return FAILED;
            }
          });
    }
  }
}
