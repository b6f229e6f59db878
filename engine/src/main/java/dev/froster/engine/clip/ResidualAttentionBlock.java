package dev.froster.engine.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A pre-norm transformer block: {@code x + attn(ln_1(x))}, then {@code x + mlp(ln_2(x))}.
 *
 * <p>Inputs: x (N, S, width) and an optional additive attention mask (S, S), passed on to the
 * attention unchanged; output: x (N, S, width).
 */
public final class ResidualAttentionBlock extends AbstractBlock {

  /** LayerNorm epsilon of CLIP (PyTorch's default). */
  static final float LAYER_NORM_EPSILON = 1e-5f;

  private final int width;
  private final LayerNorm attentionNorm;
  private final MultiHeadSelfAttention attention;
  private final LayerNorm mlpNorm;
  private final Mlp mlp;

  /** A block on tokens of {@code width} channels with {@code heads} attention heads. */
  public ResidualAttentionBlock(int width, int heads) {
    this.width = width;
    attentionNorm = addChildBlock("ln_1", tokenNorm());
    attention = addChildBlock("attn", new MultiHeadSelfAttention(width, heads));
    mlpNorm = addChildBlock("ln_2", tokenNorm());
    mlp = addChildBlock("mlp", new Mlp(width));
  }

  /** LayerNorm over the channels of (N, S, width) tokens. */
  static LayerNorm tokenNorm() {
    return LayerNorm.builder().axis(2).optEpsilon(LAYER_NORM_EPSILON).build();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDList attentionInputs = attentionNorm.forward(parameterStore, new NDList(x), training, params);
    if (inputs.size() > 1) {
      attentionInputs.add(inputs.get(1));
    }
    x = x.add(attention.forward(parameterStore, attentionInputs, training, params).head());
    NDList normalised = mlpNorm.forward(parameterStore, new NDList(x), training, params);
    x = x.add(mlp.forward(parameterStore, normalised, training, params).head());
    return new NDList(x);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape tokens = new Shape(1, 1, width);
    attentionNorm.initialize(manager, dataType, tokens);
    attention.initialize(manager, dataType, tokens);
    mlpNorm.initialize(manager, dataType, tokens);
    mlp.initialize(manager, dataType, tokens);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
