package io.fld.metrics.fld;

/**
 * The Adam optimizer (Kingma and Ba, 2015) with bias correction, updating parameters in place with
 * the same arithmetic as PyTorch's {@code torch.optim.Adam} without weight decay: the step is
 * {@code lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)}.
 */
final class Adam {
  static final double BETA1 = 0.9;
  static final double BETA2 = 0.999;
  static final double EPSILON = 1e-8;

  private final double learningRate;
  private final double[] firstMoment;
  private final double[] secondMoment;
  private int steps;

  Adam(int parameters, double learningRate) {
    this.learningRate = learningRate;
    this.firstMoment = new double[parameters];
    this.secondMoment = new double[parameters];
  }

  /** Moves {@code parameters} one step against {@code gradient}. */
  void step(double[] parameters, double[] gradient) {
    steps++;
    double firstCorrection = 1 - Math.pow(BETA1, steps);
    double secondCorrectionRoot = Math.sqrt(1 - Math.pow(BETA2, steps));
    double stepSize = learningRate / firstCorrection;
    for (int p = 0; p < parameters.length; p++) {
      double g = gradient[p];
      firstMoment[p] = BETA1 * firstMoment[p] + (1 - BETA1) * g;
      secondMoment[p] = BETA2 * secondMoment[p] + (1 - BETA2) * g * g;
      double denominator = Math.sqrt(secondMoment[p]) / secondCorrectionRoot + EPSILON;
      parameters[p] -= stepSize * firstMoment[p] / denominator;
    }
  }
}
