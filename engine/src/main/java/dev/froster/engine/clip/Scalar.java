package dev.froster.engine.clip;

import ai.djl.ndarray.NDArray;

/**
 * Scalars as arrays of the activation's own manager.
 *
 * <p>{@code NDArray.mul(Number)} on arrays that need gradients can free the scalar before the
 * backward pass runs (see djl-notes.md); a scalar array owned by the activation's manager lives as
 * long as the activation.
 */
final class Scalar {
  private Scalar() {}

  /** A scalar array of {@code value} in the manager of {@code like}. */
  static NDArray like(NDArray like, float value) {
    return like.getManager().create(value);
  }
}
