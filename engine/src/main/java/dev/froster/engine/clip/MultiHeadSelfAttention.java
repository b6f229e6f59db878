package dev.froster.engine.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * PyTorch's {@code nn.MultiheadAttention} as CLIP uses it: one packed input projection
 * (in_proj_weight, in_proj_bias: query, key and value stacked), scaled dot-product attention per
 * head, an output projection (out_proj).
 *
 * <p>Inputs: {@code x} of shape (N, S, width) and optionally an additive mask of shape (S, S) (0
 * where allowed, -inf where not: the text tower's causal mask). With a temporal {@link FrameLayout}
 * in the call's params, the N rows are videos of T frames and the keys and values of each frame are
 * those of frames t-1, t and t+1 side by side (3S tokens), zeros beyond the clip ends, as FROSTER
 * does; the query side and the parameters are unchanged.
 */
public final class MultiHeadSelfAttention extends AbstractBlock {

  private final int width;
  private final int heads;
  private final Parameter inProjWeight;
  private final Parameter inProjBias;
  private final Linear outProj;

  /** Attention over tokens of {@code width} channels split into {@code heads} heads. */
  public MultiHeadSelfAttention(int width, int heads) {
    if (width % heads != 0) {
      throw new IllegalArgumentException("width " + width + " not divisible by heads " + heads);
    }
    this.width = width;
    this.heads = heads;
    inProjWeight =
        addParameter(
            Parameter.builder().setName("in_proj_weight").setType(Parameter.Type.WEIGHT).build());
    inProjBias =
        addParameter(
            Parameter.builder().setName("in_proj_bias").setType(Parameter.Type.BIAS).build());
    outProj = addChildBlock("out_proj", Linear.builder().setUnits(width).build());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
    FrameLayout layout = FrameLayout.from(params);
    long n = x.getShape().get(0);
    long tokens = x.getShape().get(1);
    long headWidth = width / heads;

    NDArray weight = parameterStore.getValue(inProjWeight, x.getDevice(), training);
    NDArray bias = parameterStore.getValue(inProjBias, x.getDevice(), training);
    // (N, S, 3 width) -> three times (N, S, width)
    NDList qkv = Linear.linear(x, weight, bias).singletonOrThrow().split(3, 2);
    NDArray query = qkv.get(0);
    NDArray key = qkv.get(1);
    NDArray value = qkv.get(2);
    if (layout.temporal()) {
      // (N, S, width) -> (N, 3S, width): frame t sees the tokens of t-1, t, t+1
      key = withNeighbourFrames(key, layout.frames());
      value = withNeighbourFrames(value, layout.frames());
    }
    long keyTokens = key.getShape().get(1);

    // (N, S, width) -> (N, heads, S, headWidth)
    query = query.reshape(n, tokens, heads, headWidth).transpose(0, 2, 1, 3);
    key = key.reshape(n, keyTokens, heads, headWidth).transpose(0, 2, 1, 3);
    value = value.reshape(n, keyTokens, heads, headWidth).transpose(0, 2, 1, 3);

    // (N, heads, S, keyTokens); scaling the query first is what PyTorch does
    query = query.mul(Scalar.like(query, (float) (1.0 / Math.sqrt(headWidth))));
    NDArray scores = query.matMul(key.transpose(0, 1, 3, 2));
    if (mask != null) {
      scores = scores.add(mask);
    }
    NDArray attention = scores.softmax(3);
    // (N, heads, S, headWidth) -> (N, S, width)
    NDArray mixed = attention.matMul(value).transpose(0, 2, 1, 3).reshape(n, tokens, width);
    return outProj.forward(parameterStore, new NDList(mixed), training, params);
  }

  /**
   * Lays the tokens of frames t-1, t and t+1 side by side for every frame t of every video.
   *
   * @param perFrame (B·T, S, width), rows video by video
   * @param frames T
   * @return (B·T, 3S, width); the blocks of the missing neighbours at the clip ends are zeros
   */
  static NDArray withNeighbourFrames(NDArray perFrame, int frames) {
    Shape shape = perFrame.getShape();
    long rows = shape.get(0);
    if (rows % frames != 0) {
      throw new IllegalArgumentException(
          "batch of " + rows + " rows is not a whole number of videos of " + frames + " frames");
    }
    long videos = rows / frames;
    long tokens = shape.get(1);
    long channels = shape.get(2);
    // (B, T, S, width)
    NDArray clips = perFrame.reshape(videos, frames, tokens, channels);
    NDArray zeros =
        perFrame.getManager().zeros(new Shape(videos, 1, tokens, channels), perFrame.getDataType());
    NDArray previous;
    NDArray next;
    if (frames == 1) {
      previous = zeros;
      next = zeros;
    } else {
      // previous[t] = clips[t-1] (zeros at t=0); next[t] = clips[t+1] (zeros at t=T-1)
      previous = zeros.concat(clips.get(":, :{}", frames - 1), 1);
      next = clips.get(":, 1:").concat(zeros, 1);
    }
    // (B, T, 3S, width) -> (B·T, 3S, width)
    return NDArrays.concat(new NDList(previous, clips, next), 2)
        .reshape(rows, 3 * tokens, channels);
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    inProjWeight.setShape(new Shape(3L * width, width));
    inProjBias.setShape(new Shape(3L * width));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    outProj.initialize(manager, dataType, new Shape(1, width));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
