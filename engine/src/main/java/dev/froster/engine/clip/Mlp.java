package dev.froster.engine.clip;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The feed-forward half of a residual block: c_fc (width → 4·width), QuickGELU, c_proj back. */
public final class Mlp extends AbstractBlock {

  private final int width;
  private final Linear expand;
  private final QuickGelu gelu;
  private final Linear project;

  /** A feed-forward block on tokens of {@code width} channels. */
  public Mlp(int width) {
    this.width = width;
    expand = addChildBlock("c_fc", Linear.builder().setUnits(4L * width).build());
    gelu = addChildBlock("gelu", new QuickGelu());
    project = addChildBlock("c_proj", Linear.builder().setUnits(width).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    // (N, S, width) -> (N, S, 4 width) -> (N, S, width)
    NDList hidden = expand.forward(parameterStore, inputs, training, params);
    hidden = gelu.forward(parameterStore, hidden, training, params);
    return project.forward(parameterStore, hidden, training, params);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    expand.initialize(manager, dataType, new Shape(1, width));
    project.initialize(manager, dataType, new Shape(1, 4L * width));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }
}
