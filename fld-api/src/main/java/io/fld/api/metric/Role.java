package io.fld.api.metric;

/** The three feature sets that every metric receives. */
public enum Role {
  /** Samples the generative model was trained on. */
  TRAIN,
  /** Held-out real samples the model never saw. */
  TEST,
  /** Samples drawn from the generative model. */
  GEN;

  /** Returns the lower-case name used in messages, options and JSON output. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
