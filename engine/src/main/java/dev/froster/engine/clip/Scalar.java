package dev.froster.engine.clip;

import ai.djl.ndarray.NDArray;

/**
 * Scalars as arrays of the activation's own manager, in memory that libtorch owns.
 *
 * <p>An array created from Java data wraps Java memory without copying it; autograd keeps the
 * tensors an op needs for backward, but not that memory, which goes when the array is closed or
 * collected. A scalar operand of a multiplication is such a tensor, and the transformer closes each
 * block's arrays when the block is done, long before backward runs: a copy made by libtorch lives
 * as long as autograd needs it. ({@code NDArray.mul(Number)} fails the same way, see djl-notes.md.)
 */
final class Scalar {
  private Scalar() {}

  /** A scalar array of {@code value} in the manager of {@code like}. */
  static NDArray like(NDArray like, float value) {
    try (NDArray javaBacked = like.getManager().create(value)) {
      NDArray owned = javaBacked.duplicate();
      owned.attach(like.getManager());
      return owned;
    }
  }
}
