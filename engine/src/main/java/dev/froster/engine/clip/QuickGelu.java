package dev.froster.engine.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** OpenAI's fast GELU approximation: {@code x * sigmoid(1.702 * x)}; no parameters. */
public final class QuickGelu extends AbstractBlock {

  private static final float SLOPE = 1.702f;

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    return new NDList(x.mul(Activation.sigmoid(x.mul(Scalar.like(x, SLOPE)))));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
