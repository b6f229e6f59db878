package dev.froster.engine.training;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;

/**
 * A trainable parameter with a stable name: the key of its optimiser state in checkpoints and of
 * its weight-decay decision.
 *
 * @param name a name that is the same in every run of the same model (e.g. OpenAI's state-dict
 *     name)
 * @param parameter the DJL parameter; its array is updated in place
 */
public record NamedParameter(String name, Parameter parameter) {

  /** The current weights. */
  public NDArray array() {
    return parameter.getArray();
  }
}
