package io.fld.metrics.fld;

import io.fld.api.InvalidInputException;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.OptionSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The parameters of the FLD family and of the per-sample scores, parsed from {@link MetricOptions}.
 * The defaults are those of the reference implementation.
 *
 * @param genSize generated rows kept, by a seeded random subset, when there are more
 * @param baselineNll a fixed baseline negative log-likelihood, or empty to fit one
 * @param learningRate the Adam learning rate of the variance fit
 * @param epochs the maximum number of epochs of the variance fit
 * @param batchSize the rows per Adam step
 * @param testSize test rows used as mixture centers by FLD-P and the quality score
 * @param distanceCacheBytes the memory above which the fit keeps only each row's nearest components
 * @param neighbors the components kept per row when the full distance matrix exceeds the budget
 * @param fitDistances how the variance fit computes its squared distances
 * @param seed the seed of every random draw
 */
record FldSettings(
    int genSize,
    OptionalDouble baselineNll,
    double learningRate,
    int epochs,
    int batchSize,
    int testSize,
    long distanceCacheBytes,
    int neighbors,
    FitDistances fitDistances,
    long seed) {

  static final String GEN_SIZE = "gen-size";
  static final String BASELINE_NLL = "baseline-nll";

  /**
   * The largest magnitude accepted for {@link #BASELINE_NLL}. The per-dimension NLL of standardized
   * features is near 1.42 for Gaussian data and about -19 at the smallest variance the fit allows
   * (e^-40), so values beyond this bound are typing errors.
   */
  static final double MAX_BASELINE_NLL = 1e6;

  static final String LEARNING_RATE = "learning-rate";
  static final String EPOCHS = "epochs";
  static final String BATCH_SIZE = "batch-size";
  static final String TEST_SIZE = "test-size";
  static final String DISTANCE_CACHE_MIB = "distance-cache-mib";
  static final String NEIGHBORS = "neighbors";
  static final String FIT_DISTANCES = "fit-distances";

  static final int DEFAULT_GEN_SIZE = 10_000;
  static final double DEFAULT_LEARNING_RATE = 0.5;
  static final int DEFAULT_EPOCHS = 50;
  static final int DEFAULT_BATCH_SIZE = 10_000;
  static final int DEFAULT_TEST_SIZE = 10_000;
  static final int DEFAULT_DISTANCE_CACHE_MIB = 512;
  static final int DEFAULT_NEIGHBORS = 128;
  static final FitDistances DEFAULT_FIT_DISTANCES = FitDistances.FLOAT32;

  /**
   * The maximum number of epochs. Each is a full pass over the training rows, so time grows with
   * it.
   */
  static final int MAX_EPOCHS = 10_000;

  /**
   * The largest distance cache, in MiB: the dense distance matrix is one float array, and a Java
   * array contains fewer than 2^31 elements, 8 GiB of floats.
   */
  static final int MAX_DISTANCE_CACHE_MIB = 8191;

  /**
   * The maximum number of centers kept per training row. Memory grows with it, and a value at or
   * above the number of centers makes the fit keep the whole distance matrix whatever
   * distance-cache-mib allows.
   */
  static final int MAX_NEIGHBORS = 4096;

  private static final String NONE = "none";
  private static final long BYTES_PER_MIB = 1L << 20;
  private static final int NO_MAXIMUM = Integer.MAX_VALUE;

  static final OptionSpec GEN_SIZE_SPEC =
      new OptionSpec(
          GEN_SIZE,
          "int",
          String.valueOf(DEFAULT_GEN_SIZE),
          "maximum number of generated rows used as mixture centers; a larger generated set is"
              + " replaced by a random subset of this size drawn from the seed");
  static final OptionSpec BASELINE_NLL_SPEC =
      new OptionSpec(
          BASELINE_NLL,
          "double",
          NONE,
          "fixed baseline negative log-likelihood per dimension, in nats; 'none' fits the"
              + " baseline mixture on a random split of the training set");
  static final OptionSpec LEARNING_RATE_SPEC =
      new OptionSpec(
          LEARNING_RATE,
          "double",
          String.valueOf(DEFAULT_LEARNING_RATE),
          "Adam learning rate of the log-variance fit");
  static final OptionSpec EPOCHS_SPEC =
      new OptionSpec(
          EPOCHS,
          "int",
          String.valueOf(DEFAULT_EPOCHS),
          "maximum number of passes over the training rows in the log-variance fit, at most "
              + MAX_EPOCHS
              + "; the fit stops earlier once the loss changes by less than 5e-4 over 4 epochs");
  static final OptionSpec BATCH_SIZE_SPEC =
      new OptionSpec(
          BATCH_SIZE,
          "int",
          String.valueOf(DEFAULT_BATCH_SIZE),
          "training rows per Adam step in the log-variance fit");
  static final OptionSpec TEST_SIZE_SPEC =
      new OptionSpec(
          TEST_SIZE,
          "int",
          String.valueOf(DEFAULT_TEST_SIZE),
          "maximum number of test rows used as mixture centers; a larger test set is replaced by a"
              + " random subset of this size drawn from the seed");
  static final OptionSpec DISTANCE_CACHE_SPEC =
      new OptionSpec(
          DISTANCE_CACHE_MIB,
          "int",
          String.valueOf(DEFAULT_DISTANCE_CACHE_MIB),
          "memory, in MiB, for the training-to-center distances of the fit, at most "
              + MAX_DISTANCE_CACHE_MIB
              + "; above it the fit keeps only each training row's nearest centers (see"
              + " neighbors)");
  static final OptionSpec NEIGHBORS_SPEC =
      new OptionSpec(
          NEIGHBORS,
          "int",
          String.valueOf(DEFAULT_NEIGHBORS),
          "nearest centers kept per training row when the full distance matrix exceeds"
              + " distance-cache-mib, at most "
              + MAX_NEIGHBORS);
  static final OptionSpec FIT_DISTANCES_SPEC =
      new OptionSpec(
          FIT_DISTANCES,
          FitDistances.choices(),
          DEFAULT_FIT_DISTANCES.label(),
          "squared distances seen by the log-variance fit: 'float32' expands |x|^2 + |g|^2 - 2 x.g"
              + " in single precision, clamped at 0, as PyTorch's cdist does on large inputs;"
              + " 'exact' recomputes near-duplicate distances exactly. On generated rows that copy"
              + " training rows the maximum-likelihood variance is zero, so the fitted variance,"
              + " and FLD on memorized sets, is set by the optimizer and this rounding: 'float32'"
              + " keeps such values comparable with published ones, 'exact' gives the far larger"
              + " limit that the Adam steps reach. Scoring always uses exact distances");

  /** The options shared by every fit. */
  static final List<OptionSpec> FIT_SPECS =
      List.of(
          LEARNING_RATE_SPEC,
          EPOCHS_SPEC,
          BATCH_SIZE_SPEC,
          DISTANCE_CACHE_SPEC,
          NEIGHBORS_SPEC,
          FIT_DISTANCES_SPEC);

  /**
   * Parses {@code options}, rejecting names outside {@code specs}.
   *
   * @param owner what the options configure, as messages name it, such as {@code metric fld} or
   *     {@code score kind quality}
   * @throws InvalidInputException if an option is unknown, malformed or out of range
   */
  static FldSettings parse(String owner, MetricOptions options, List<OptionSpec> specs) {
    options.requireKnownFor(owner, specs);
    return new FldSettings(
        options.integer(owner, GEN_SIZE, DEFAULT_GEN_SIZE, 1, NO_MAXIMUM),
        baseline(owner, options),
        positiveReal(owner, options, LEARNING_RATE, DEFAULT_LEARNING_RATE),
        options.integer(owner, EPOCHS, DEFAULT_EPOCHS, 1, MAX_EPOCHS),
        options.integer(owner, BATCH_SIZE, DEFAULT_BATCH_SIZE, 1, NO_MAXIMUM),
        options.integer(owner, TEST_SIZE, DEFAULT_TEST_SIZE, 1, NO_MAXIMUM),
        options.integer(
                owner, DISTANCE_CACHE_MIB, DEFAULT_DISTANCE_CACHE_MIB, 1, MAX_DISTANCE_CACHE_MIB)
            * BYTES_PER_MIB,
        options.integer(owner, NEIGHBORS, DEFAULT_NEIGHBORS, 1, MAX_NEIGHBORS),
        FitDistances.parse(
            owner, FIT_DISTANCES, options.string(FIT_DISTANCES, DEFAULT_FIT_DISTANCES.label())),
        options.seed());
  }

  /** Returns the fit's own settings. */
  MixtureFit.Settings fit() {
    return new MixtureFit.Settings(learningRate, epochs, batchSize);
  }

  /** Returns every parameter with the value used, for provenance. */
  Map<String, String> describe(List<OptionSpec> specs) {
    Map<String, String> all = new LinkedHashMap<>();
    for (OptionSpec spec : specs) {
      all.put(spec.name(), valueOf(spec.name()));
    }
    return all;
  }

  private String valueOf(String name) {
    return switch (name) {
      case GEN_SIZE -> String.valueOf(genSize);
      case BASELINE_NLL ->
          baselineNll.isPresent() ? String.valueOf(baselineNll.getAsDouble()) : NONE;
      case LEARNING_RATE -> String.valueOf(learningRate);
      case EPOCHS -> String.valueOf(epochs);
      case BATCH_SIZE -> String.valueOf(batchSize);
      case TEST_SIZE -> String.valueOf(testSize);
      case DISTANCE_CACHE_MIB -> String.valueOf(distanceCacheBytes / BYTES_PER_MIB);
      case NEIGHBORS -> String.valueOf(neighbors);
      case FIT_DISTANCES -> fitDistances.label();
      default -> throw new IllegalArgumentException("no FLD option named " + name);
    };
  }

  private static OptionalDouble baseline(String owner, MetricOptions options) {
    String raw = options.string(BASELINE_NLL, NONE).trim();
    if (raw.equalsIgnoreCase(NONE)) {
      return OptionalDouble.empty();
    }
    double value = options.real(owner, BASELINE_NLL, 0);
    if (Math.abs(value) > MAX_BASELINE_NLL) {
      throw new InvalidInputException(
          "option "
              + BASELINE_NLL
              + " of "
              + owner
              + " must lie in [-"
              + MAX_BASELINE_NLL
              + ", "
              + MAX_BASELINE_NLL
              + "], got "
              + value
              + "; it is a negative log-likelihood per dimension of standardized features,"
              + " near 1.4 for Gaussian data");
    }
    return OptionalDouble.of(value);
  }

  private static double positiveReal(
      String owner, MetricOptions options, String name, double defaultValue) {
    double value = options.real(owner, name, defaultValue);
    if (!(value > 0)) {
      throw new InvalidInputException(
          "option "
              + name
              + " of "
              + owner
              + " must be positive, got "
              + value
              + "; omit it to use the default "
              + defaultValue);
    }
    return value;
  }
}
