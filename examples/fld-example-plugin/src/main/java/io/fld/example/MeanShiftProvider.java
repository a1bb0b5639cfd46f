package io.fld.example;

import io.fld.api.metric.Metric;
import io.fld.api.metric.MetricOptions;
import io.fld.api.metric.MetricProvider;
import io.fld.api.metric.OptionSpec;
import java.util.List;

/** Provides {@code mean_shift}, the distance between the mean generated and training features. */
public final class MeanShiftProvider implements MetricProvider {
  static final String ID = "mean_shift";
  static final String NORM = "norm";
  static final String L1 = "l1";
  static final String L2 = "l2";

  @Override
  public String name() {
    return ID;
  }

  @Override
  public String description() {
    return "distance between the mean of gen and the mean of train (0 when they agree)";
  }

  @Override
  public List<OptionSpec> options() {
    return List.of(
        new OptionSpec(
            NORM, L1 + "|" + L2, L2, "the vector norm of the difference of the two means"));
  }

  @Override
  public Metric create(MetricOptions options) {
    options.requireKnown(ID, options());
    String norm = options.string(NORM, L2);
    if (!norm.equals(L1) && !norm.equals(L2)) {
      throw new io.fld.api.InvalidInputException(
          "option " + NORM + " of " + ID + " must be " + L1 + " or " + L2 + ", got '" + norm + "'");
    }
    return new MeanShift(norm, options.seed());
  }
}
