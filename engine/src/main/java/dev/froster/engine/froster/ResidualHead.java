package dev.froster.engine.froster;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.Random;

/**
 * FROSTER's residual sub-network (froster-method.md, "Residual feature distillation"): {@code f_hat
 * = f + alpha · Linear(GELU(Linear(f)))}, both linears D → D without bias, the first
 * Kaiming-normal, the last zero-initialised, so that the head starts as the identity.
 *
 * <p>Input and output: features (N, D). Only training uses the heads; inference uses the student
 * alone.
 */
public final class ResidualHead extends AbstractBlock {

  private final int width;
  private final float alpha;
  private final Linear first;
  private final Linear last;

  /** A head on features of {@code width} channels with residual weight {@code alpha}. */
  public ResidualHead(int width, float alpha) {
    this.width = width;
    this.alpha = alpha;
    first = addChildBlock("fc1", Linear.builder().setUnits(width).optBias(false).build());
    last = addChildBlock("fc2", Linear.builder().setUnits(width).optBias(false).build());
    // Kaiming normal, fan-in, gain sqrt(2) (PyTorch's kaiming_normal_ defaults): std sqrt(2 / D)
    first.setInitializer(
        new XavierInitializer(
            XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2),
        Parameter.Type.WEIGHT);
    last.setInitializer(new ConstantInitializer(0), Parameter.Type.WEIGHT);
  }

  /** Creates the head's parameters in {@code manager}. */
  public ResidualHead initializeFresh(NDManager manager) {
    initialize(manager, DataType.FLOAT32, new Shape(1, width));
    return this;
  }

  /**
   * Creates the head's parameters in {@code manager}, the first linear's Kaiming-normal weights
   * drawn from {@code random}: the engine's initialisers draw from libtorch's unseeded generator,
   * so two runs with one seed would start from different heads and never repeat each other.
   */
  public ResidualHead initializeFresh(NDManager manager, Random random) {
    initializeFresh(manager);
    NDArray weights = first.getParameters().get("weight").getArray();
    double std = Math.sqrt(2.0 / width);
    float[] values = new float[(int) weights.getShape().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * std);
    }
    try (NDArray drawn = manager.create(values, weights.getShape())) {
      drawn.copyTo(weights);
    }
    return this;
  }

  /** The residual weight alpha. */
  public float alpha() {
    return alpha;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray features = inputs.singletonOrThrow();
    // (N, D) -> (N, D) -> GELU -> (N, D)
    NDArray hidden = first.forward(parameterStore, inputs, training, params).head();
    hidden = Activation.gelu(hidden);
    NDArray residual = last.forward(parameterStore, new NDList(hidden), training, params).head();
    // alpha as an array of the activation's manager (djl-notes.md, pitfall 1)
    NDArray scale = residual.getManager().create(alpha);
    return new NDList(features.add(residual.mul(scale)));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    first.initialize(manager, dataType, new Shape(1, width));
    last.initialize(manager, dataType, new Shape(1, width));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
