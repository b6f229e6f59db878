package dev.froster.engine.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Clipping by global L2 norm, as {@code torch.nn.utils.clip_grad_norm_}: when the norm of all
 * gradients taken together exceeds the maximum, every gradient is scaled by {@code max / (norm +
 * 1e-6)}.
 */
public final class GradientClipping {

  private static final double EPSILON = 1e-6;

  private GradientClipping() {}

  /**
   * Clips the gradients of {@code parameters} in place; temporaries go to {@code step}.
   *
   * @return the global norm before clipping (for the metrics)
   */
  public static double clipGlobalNorm(
      List<NamedParameter> parameters, double maxNorm, NDManager step) {
    List<NDArray> gradients = new ArrayList<>();
    for (NamedParameter named : parameters) {
      if (named.array().hasGradient()) {
        gradients.add(Gradients.of(named.array(), step));
      }
    }
    if (gradients.isEmpty()) {
      return 0;
    }
    // one sum of squares on the native side and one read: a read per parameter would wait for
    // the engine once per parameter
    NDArray squares = step.zeros(new Shape());
    for (NDArray gradient : gradients) {
      // freed at once: kept to the end of the step they would add a copy of the model
      try (NDArray square = gradient.square();
          NDArray sum = square.sum()) {
        squares.addi(sum);
      }
    }
    double norm = Math.sqrt(squares.getFloat());
    if (norm > maxNorm) {
      NDArray factor = step.create((float) (maxNorm / (norm + EPSILON)));
      for (NDArray gradient : gradients) {
        gradient.muli(factor);
      }
    }
    return norm;
  }
}
