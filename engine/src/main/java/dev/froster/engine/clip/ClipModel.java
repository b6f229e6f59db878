package dev.froster.engine.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * CLIP: an image tower, a text tower and a learnable logit scale (stored as its log, initialised to
 * log(1/0.07) as in the paper).
 *
 * <p>{@link #forwardInternal} takes (images (N, 3, R, R), token ids (M, C)) and returns (logits per
 * image (N, M), logits per text (M, N)). The {@code encode*} methods return features before L2
 * normalisation, as OpenAI's {@code encode_image} and {@code encode_text} do.
 */
public final class ClipModel extends AbstractBlock {

  private static final float INITIAL_LOGIT_SCALE = (float) Math.log(1 / 0.07);

  private final ClipConfig config;
  private final VisionTransformer visual;
  private final TextTransformer text;
  private final Parameter logitScale;

  /** A model of the given architecture, parameters not yet created. */
  public ClipModel(ClipConfig config) {
    this.config = config;
    visual = addChildBlock("visual", new VisionTransformer(config));
    text = addChildBlock("text", new TextTransformer(config));
    logitScale =
        addParameter(
            VisionTransformer.otherParameter(
                "logit_scale", new ConstantInitializer(INITIAL_LOGIT_SCALE)));
  }

  /** The architecture. */
  public ClipConfig config() {
    return config;
  }

  /** The image tower, for callers that drive it with their own parameter store (training). */
  public VisionTransformer visual() {
    return visual;
  }

  /** The text tower, for callers that drive it with their own parameter store (training). */
  public TextTransformer text() {
    return text;
  }

  /**
   * Creates random parameters in {@code manager} as a fresh OpenAI CLIP has them ({@link
   * ClipInitialization}), from the engine's random generator.
   */
  public ClipModel initializeRandom(NDManager manager) {
    setInitializer(new NormalInitializer(0.02f), Parameter.Type.WEIGHT);
    initialize(manager, DataType.FLOAT32, inputShapes());
    ClipInitialization.apply(this, manager);
    return this;
  }

  /**
   * Takes over the given arrays as parameters, by OpenAI state-dict name; every parameter must be
   * present with its exact shape (checked by the importers, which report the file and tensor).
   */
  public ClipModel initializeFrom(NDManager manager, Map<String, NDArray> stateDict) {
    Map<String, Shape> expected = ClipParameters.shapes(config);
    ClipParameters.byName(this)
        .forEach(
            (name, parameter) -> {
              NDArray array = stateDict.get(name);
              if (array == null) {
                throw new IllegalArgumentException("missing parameter " + name);
              }
              if (!array.getShape().equals(expected.get(name))) {
                throw new IllegalArgumentException(
                    "parameter "
                        + name
                        + " has shape "
                        + array.getShape()
                        + ", expected "
                        + expected.get(name));
              }
              array.attach(manager);
              parameter.setArray(array);
            });
    // parameters are all set: this only marks those that need gradients
    initialize(manager, DataType.FLOAT32, inputShapes());
    return this;
  }

  private Shape[] inputShapes() {
    int resolution = config.imageResolution();
    return new Shape[] {
      new Shape(1, 3, resolution, resolution), new Shape(1, config.contextLength())
    };
  }

  /** Image features (N, embedDim) of normalised images (N, 3, R, R), no gradients. */
  public NDArray encodeImage(NDArray images) {
    return encodeImage(new ParameterStore(images.getManager(), false), images, false);
  }

  /** Image features (N, embedDim) of normalised images (N, 3, R, R). */
  public NDArray encodeImage(ParameterStore parameterStore, NDArray images, boolean training) {
    return visual
        .forward(parameterStore, new NDList(images), training, FrameLayout.IMAGES.asParams())
        .head();
  }

  /**
   * Per-frame features (B, T, embedDim) of videos (B, T, 3, R, R), no gradients.
   *
   * @param temporal FROSTER's temporal attention (frame t attends to t-1, t, t+1) if true, every
   *     frame on its own (frozen CLIP) if false
   */
  public NDArray encodeVideo(NDArray videos, boolean temporal) {
    return encodeVideo(new ParameterStore(videos.getManager(), false), videos, temporal, false);
  }

  /** Per-frame features (B, T, embedDim) of videos (B, T, 3, R, R). */
  public NDArray encodeVideo(
      ParameterStore parameterStore, NDArray videos, boolean temporal, boolean training) {
    if (videos.getShape().dimension() != 5) {
      throw new IllegalArgumentException(
          "videos must be (B, T, 3, R, R), got " + videos.getShape());
    }
    FrameLayout layout = new FrameLayout((int) videos.getShape().get(1), temporal);
    return visual.forward(parameterStore, new NDList(videos), training, layout.asParams()).head();
  }

  /** Text features (N, embedDim) of token ids (N, contextLength), no gradients. */
  public NDArray encodeText(NDArray tokenIds) {
    return encodeText(new ParameterStore(tokenIds.getManager(), false), tokenIds, false);
  }

  /** Text features (N, embedDim) of token ids (N, contextLength). */
  public NDArray encodeText(ParameterStore parameterStore, NDArray tokenIds, boolean training) {
    return text.forward(parameterStore, new NDList(tokenIds), training, null).head();
  }

  /** The logit scale parameter (a scalar holding the log of the scale). */
  public Parameter logitScale() {
    return logitScale;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore parameterStore,
      NDList inputs,
      boolean training,
      PairList<String, Object> params) {
    NDArray imageFeatures = normalise(encodeImage(parameterStore, inputs.get(0), training));
    NDArray textFeatures = normalise(encodeText(parameterStore, inputs.get(1), training));
    // (N, M) cosine similarities times exp(logit_scale); the parameter is the argument, not the
    // receiver, so that results belong to the call's manager
    NDArray cosine = imageFeatures.matMul(textFeatures.transpose());
    NDArray logitsPerImage =
        cosine.mul(
            cosine
                .onesLike()
                .mul(parameterStore.getValue(logitScale, cosine.getDevice(), training))
                .exp());
    return new NDList(logitsPerImage, logitsPerImage.transpose());
  }

  /** Rows scaled to unit L2 norm. */
  public static NDArray normalise(NDArray features) {
    return features.div(features.norm(new int[] {-1}, true));
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    logitScale.setShape(new Shape());
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    visual.initialize(manager, dataType, inputShapes[0]);
    text.initialize(manager, dataType, inputShapes[1]);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long images = inputShapes[0].get(0);
    long texts = inputShapes[1].get(0);
    return new Shape[] {new Shape(images, texts), new Shape(texts, images)};
  }
}
