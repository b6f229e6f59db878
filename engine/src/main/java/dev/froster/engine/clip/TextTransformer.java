package dev.froster.engine.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * CLIP's text tower: token and positional embeddings, the causal transformer, ln_final, the
 * features of the end token (the position of the largest id, as OpenAI pools: the end-of-text id is
 * the largest of the vocabulary), projection into the joint space.
 *
 * <p>Input: token ids (N, contextLength); output: (N, embedDim).
 */
public final class TextTransformer extends AbstractBlock {

  private final ClipConfig config;
  private final TokenEmbedding tokenEmbedding;
  private final Parameter positionalEmbedding;
  private final Transformer transformer;
  private final LayerNorm finalNorm;
  private final Parameter projection;

  /** The text tower described by {@code config}. */
  public TextTransformer(ClipConfig config) {
    this.config = config;
    int width = config.textWidth();
    tokenEmbedding =
        addChildBlock("token_embedding", new TokenEmbedding(config.vocabSize(), width));
    positionalEmbedding =
        addParameter(
            VisionTransformer.otherParameter("positional_embedding", new NormalInitializer(0.01f)));
    transformer =
        addChildBlock(
            "transformer", new Transformer(width, config.textLayers(), config.textHeads()));
    finalNorm =
        addChildBlock(
            "ln_final",
            LayerNorm.builder()
                .axis(1)
                .optEpsilon(ResidualAttentionBlock.LAYER_NORM_EPSILON)
                .build());
    projection =
        addParameter(
            VisionTransformer.otherParameter(
                "text_projection", new NormalInitializer((float) Math.pow(width, -0.5))));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray ids = inputs.singletonOrThrow();
    Shape idShape = ids.getShape();
    int context = config.contextLength();
    if (idShape.dimension() != 2 || idShape.get(1) != context) {
      throw new IllegalArgumentException(
          "text tower expects token ids of shape (N, " + context + "), got " + idShape);
    }
    ids = ids.toType(DataType.INT64, false);
    long rows = idShape.get(0);
    if (rows > 0) {
      long smallest = ids.min().getLong();
      long largest = ids.max().getLong();
      if (smallest < 0 || largest >= config.vocabSize()) {
        throw new IllegalArgumentException(
            "token ids must lie in [0, "
                + config.vocabSize()
                + "), got ["
                + smallest
                + ", "
                + largest
                + "]");
      }
    }

    NDArray endPositions = ids.argMax(1);
    // Only the first L positions, L = the last end token + 1: under the causal mask no position
    // attends to a later one, so the padding after every end token changes no end token's
    // features, and the tower's cost falls with the texts' length (prompts are ~20 of 77 tokens).
    int length = rows > 0 ? (int) endPositions.max().getLong() + 1 : context;
    ids = ids.get(new NDIndex(":, :{}", length));

    // (N, L) -> (N, L, width)
    NDArray x = tokenEmbedding.forward(parameterStore, new NDList(ids), training, params).head();
    NDArray positions =
        parameterStore
            .getValue(positionalEmbedding, x.getDevice(), training)
            .get(new NDIndex(":{}", length));
    // the slice of a parameter belongs to the model's manager: hand it to the call's, or every
    // call would leave one behind
    positions.attach(x.getManager());
    x = x.add(positions);
    NDArray causalMask = causalMask(x.getManager(), length);
    x = transformer.forward(parameterStore, new NDList(x, causalMask), training, params).head();
    // the end token's row of each text: (N, L, width) -> (N, width); ln_final is per token, so
    // normalising after picking the row gives what OpenAI's normalise-then-pick gives
    NDArray rowStarts = x.getManager().arange(0, (int) (rows * length), length, DataType.INT64);
    NDArray flatIndex = rowStarts.add(endPositions);
    NDArray pooled = x.reshape(rows * length, config.textWidth()).get(new NDIndex("{}", flatIndex));
    pooled = finalNorm.forward(parameterStore, new NDList(pooled), training, params).head();
    // (N, width) -> (N, embedDim)
    return new NDList(
        pooled.matMul(parameterStore.getValue(projection, pooled.getDevice(), training)));
  }

  /** (L, L): 0 on and below the diagonal, -inf above, so position i attends to 0..i only. */
  static NDArray causalMask(NDManager manager, int context) {
    float[] mask = new float[context * context];
    for (int row = 0; row < context; row++) {
      Arrays.fill(mask, row * context + row + 1, (row + 1) * context, Float.NEGATIVE_INFINITY);
    }
    return manager.create(mask, new Shape(context, context));
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    positionalEmbedding.setShape(new Shape(config.contextLength(), config.textWidth()));
    projection.setShape(new Shape(config.textWidth(), config.embedDim()));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape tokens = new Shape(1, config.contextLength(), config.textWidth());
    tokenEmbedding.initialize(manager, dataType, new Shape(1, config.contextLength()));
    transformer.initialize(manager, dataType, tokens);
    finalNorm.initialize(manager, dataType, new Shape(1, config.textWidth()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), config.embedDim())};
  }
}
