package dev.froster.engine.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of {@link ResidualAttentionBlock}s ("resblocks.0", "resblocks.1", ...).
 *
 * <p>Inputs: x (N, S, width) and an optional additive mask (S, S) given to every block; output: x
 * (N, S, width).
 */
public final class Transformer extends AbstractBlock {

  private final int width;
  private final List<ResidualAttentionBlock> blocks = new ArrayList<>();

  /** {@code layers} blocks on tokens of {@code width} channels with {@code heads} heads. */
  public Transformer(int width, int layers, int heads) {
    this.width = width;
    for (int i = 0; i < layers; i++) {
      blocks.add(addChildBlock("resblocks." + i, new ResidualAttentionBlock(width, heads)));
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDManager caller = x.getManager();
    for (ResidualAttentionBlock block : blocks) {
      // Each block's intermediates are freed when the block is done, as PyTorch frees them when
      // their last reference goes: without this a ViT-B/16 batch of 8 holds all 12 layers' worth
      // (+2 GB). Autograd keeps what backward needs by itself, so training is unaffected.
      try (NDManager blockScope = caller.newSubManager()) {
        x.tempAttach(blockScope);
        NDList blockInputs = new NDList(x);
        if (inputs.size() > 1) {
          blockInputs.add(inputs.get(1));
        }
        x = block.forward(parameterStore, blockInputs, training, params).head();
        x.attach(caller);
      }
    }
    return new NDList(x);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (ResidualAttentionBlock block : blocks) {
      block.initialize(manager, dataType, new Shape(1, 1, width));
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
