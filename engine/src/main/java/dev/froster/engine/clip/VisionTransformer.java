package dev.froster.engine.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * CLIP's image tower: patch convolution (no bias), class token, positional embedding, ln_pre, the
 * transformer, ln_post on the class token, projection into the joint space.
 *
 * <p>Input: images (N, 3, R, R), or videos (B, T, 3, R, R) whose frames go through as N = B·T rows;
 * output: (N, embedDim) or (B, T, embedDim). For videos, the {@link FrameLayout} in the call's
 * params decides whether attention spans neighbouring frames (its frame count is taken from the
 * input).
 */
public final class VisionTransformer extends AbstractBlock {

  private final ClipConfig config;
  private final Conv2d patchEmbedding;
  private final Parameter classEmbedding;
  private final Parameter positionalEmbedding;
  private final LayerNorm preNorm;
  private final Transformer transformer;
  private final LayerNorm postNorm;
  private final Parameter projection;

  /** The image tower described by {@code config}. */
  public VisionTransformer(ClipConfig config) {
    this.config = config;
    int width = config.visionWidth();
    int patch = config.patchSize();
    // OpenAI initialises these three with std = width^-0.5
    NormalInitializer widthScaled = new NormalInitializer((float) Math.pow(width, -0.5));
    patchEmbedding =
        addChildBlock(
            "conv1",
            Conv2d.builder()
                .setKernelShape(new Shape(patch, patch))
                .optStride(new Shape(patch, patch))
                .setFilters(width)
                .optBias(false)
                .build());
    classEmbedding = addParameter(otherParameter("class_embedding", widthScaled));
    positionalEmbedding = addParameter(otherParameter("positional_embedding", widthScaled));
    preNorm = addChildBlock("ln_pre", ResidualAttentionBlock.tokenNorm());
    transformer =
        addChildBlock(
            "transformer", new Transformer(width, config.visionLayers(), config.visionHeads()));
    postNorm =
        addChildBlock(
            "ln_post",
            LayerNorm.builder()
                .axis(1)
                .optEpsilon(ResidualAttentionBlock.LAYER_NORM_EPSILON)
                .build());
    projection = addParameter(otherParameter("proj", widthScaled));
  }

  static Parameter otherParameter(String name, ai.djl.training.initializer.Initializer init) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optInitializer(init)
        .build();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray pixels = inputs.singletonOrThrow();
    Shape inputShape = pixels.getShape();
    int resolution = config.imageResolution();
    boolean video = inputShape.dimension() == 5;
    Shape frameShape = video ? inputShape.slice(2) : inputShape.slice(1);
    if (inputShape.dimension() < 4
        || inputShape.dimension() > 5
        || !frameShape.equals(new Shape(3, resolution, resolution))) {
      throw new IllegalArgumentException(
          "image tower expects (N, 3, "
              + resolution
              + ", "
              + resolution
              + ") images or (B, T, 3, "
              + resolution
              + ", "
              + resolution
              + ") videos, got "
              + inputShape);
    }
    FrameLayout layout = FrameLayout.from(params);
    if (video) {
      layout = new FrameLayout((int) inputShape.get(1), layout.temporal());
      pixels = pixels.reshape(new Shape(-1).addAll(frameShape));
    }
    long rows = pixels.getShape().get(0);
    long width = config.visionWidth();
    long patches = (long) config.grid() * config.grid();

    // (N, 3, R, R) -> (N, width, grid, grid) -> (N, grid², width)
    NDArray x = patchEmbedding.forward(parameterStore, new NDList(pixels), training, params).head();
    x = x.reshape(rows, width, patches).transpose(0, 2, 1);
    // class token first: (N, grid² + 1, width)
    // built on the activation's manager (zeros + parameter), so that it is freed with the call
    NDArray classTokens =
        x.getManager()
            .zeros(new Shape(rows, 1, width), x.getDataType())
            .add(parameterStore.getValue(classEmbedding, x.getDevice(), training));
    x = classTokens.concat(x, 1);
    x = x.add(parameterStore.getValue(positionalEmbedding, x.getDevice(), training));
    x = preNorm.forward(parameterStore, new NDList(x), training, params).head();
    x = transformer.forward(parameterStore, new NDList(x), training, layout.asParams()).head();
    // class token only: (N, width) -> (N, embedDim)
    NDArray pooled = x.get(":, 0, :");
    pooled = postNorm.forward(parameterStore, new NDList(pooled), training, params).head();
    NDArray features = pooled.matMul(parameterStore.getValue(projection, x.getDevice(), training));
    if (video) {
      features = features.reshape(inputShape.get(0), inputShape.get(1), config.embedDim());
    }
    return new NDList(features);
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    classEmbedding.setShape(new Shape(config.visionWidth()));
    positionalEmbedding.setShape(new Shape(config.visionTokens(), config.visionWidth()));
    projection.setShape(new Shape(config.visionWidth(), config.embedDim()));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    int resolution = config.imageResolution();
    patchEmbedding.initialize(manager, dataType, new Shape(1, 3, resolution, resolution));
    Shape tokens = new Shape(1, config.visionTokens(), config.visionWidth());
    preNorm.initialize(manager, dataType, tokens);
    transformer.initialize(manager, dataType, tokens);
    postNorm.initialize(manager, dataType, new Shape(1, config.visionWidth()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape input = inputShapes[0];
    if (input.dimension() == 5) {
      return new Shape[] {new Shape(input.get(0), input.get(1), config.embedDim())};
    }
    return new Shape[] {new Shape(input.get(0), config.embedDim())};
  }
}
