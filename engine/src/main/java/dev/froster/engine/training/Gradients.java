package dev.froster.engine.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Access to parameter gradients without leaks: DJL's {@code getGradient()} wraps the gradient in
 * the parameter's long-lived manager on every call, so it is moved to the step's manager here.
 */
public final class Gradients {

  private Gradients() {}

  /** The gradient of {@code weights}, owned by {@code step}. */
  public static NDArray of(NDArray weights, NDManager step) {
    NDArray gradient = weights.getGradient();
    gradient.attach(step);
    return gradient;
  }

  /**
   * Sets the gradients of every parameter to zero: PyTorch accumulates gradients across backward
   * passes, so every step starts from zero.
   */
  public static void zero(List<NamedParameter> parameters, NDManager step) {
    for (NamedParameter named : parameters) {
      NDArray weights = named.array();
      if (weights.hasGradient()) {
        NDArray gradient = of(weights, step);
        gradient.subi(gradient);
      }
    }
  }
}
