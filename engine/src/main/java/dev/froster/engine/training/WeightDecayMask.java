package dev.froster.engine.training;

import ai.djl.ndarray.types.Shape;

/**
 * Which parameters AdamW decays: the reference recipe decays weight matrices only, never 1-D
 * parameters (norm scales and shifts, biases, the class embedding, the logit scale) nor the
 * embedding tables (token and positional embeddings), whose rows are looked up, not multiplied.
 */
public final class WeightDecayMask {

  private WeightDecayMask() {}

  /** Whether the parameter called {@code name} of {@code shape} gets weight decay. */
  public static boolean decays(String name, Shape shape) {
    if (shape.dimension() <= 1) {
      return false;
    }
    return !name.contains("embedding") && !name.equals("logit_scale");
  }
}
