package io.fld.metrics.fld;

import io.fld.api.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the variance fit computes the squared distances from training rows to mixture centers.
 * Scoring always uses exact distances; only the fit reads this choice.
 *
 * <p>The choice matters only for generated rows that copy training rows. On an exact copy the
 * maximum-likelihood variance is zero, so the fit never converges there: the variance shrinks at
 * every Adam step, and the fitted value is set by the optimizer and by how a distance of 0 is
 * rounded. With {@link #FLOAT32} the fit uses the single-precision expansion {@code |x|^2 + |g|^2 -
 * 2 x.g}, whose rounding leaves some copies a residue near 1e-5 where their variances stop. This
 * keeps memorized sets' values comparable with published ones. With {@link #EXACT} every copy is at
 * distance 0 and the values are the limit that the configured number of Adam steps reaches, many
 * orders of magnitude larger. Away from copies the two agree closely.
 */
enum FitDistances {
  /**
   * The single-precision expansion, clamped at 0, the expansion PyTorch's {@code cdist} uses on
   * large inputs.
   */
  FLOAT32("float32"),

  /** Distances of near-duplicates recomputed exactly, as scoring uses them. */
  EXACT("exact");

  private final String label;

  FitDistances(String label) {
    this.label = label;
  }

  /** Returns the option value that selects this mode. */
  String label() {
    return label;
  }

  /** Returns the option's type as shown to users: the labels joined by {@code |}. */
  static String choices() {
    return Arrays.stream(values()).map(FitDistances::label).collect(Collectors.joining("|"));
  }

  /**
   * Returns the mode named {@code value}, ignoring case and surrounding blanks.
   *
   * @param owner what the option configures, as messages name it, such as {@code metric fld}
   * @throws InvalidInputException if no mode has that name
   */
  static FitDistances parse(String owner, String option, String value) {
    String requested = value.trim().toLowerCase(Locale.ROOT);
    for (FitDistances mode : values()) {
      if (mode.label.equals(requested)) {
        return mode;
      }
    }
    throw new InvalidInputException(
        "option "
            + option
            + " of "
            + owner
            + " must be one of "
            + choices()
            + ", got '"
            + value
            + "'");
  }
}
