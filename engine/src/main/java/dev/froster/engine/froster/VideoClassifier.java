package dev.froster.engine.froster;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import java.util.List;

/**
 * The video model (froster-method.md, "Model" and "Scoring a video"): CLIP's image tower over the T
 * frames of a clip (with FROSTER's neighbour-frame attention when {@code temporal}), class text
 * embeddings averaged over prompts, and logits {@code exp(logit_scale) · cos} pooled over frames.
 *
 * <p>This is the student during training and the whole model at inference.
 */
public final class VideoClassifier {

  private final ClipModel clip;
  private final boolean temporal;
  private final Pooling pooling;

  public VideoClassifier(ClipModel clip, boolean temporal, Pooling pooling) {
    this.clip = clip;
    this.temporal = temporal;
    this.pooling = pooling;
  }

  public ClipModel clip() {
    return clip;
  }

  public boolean temporal() {
    return temporal;
  }

  public Pooling pooling() {
    return pooling;
  }

  /** Per-frame features (B, T, D), not normalised, of clips (B, T, 3, R, R). */
  public NDArray frameFeatures(ParameterStore store, NDArray clips, boolean training) {
    return clip.encodeVideo(store, clips, temporal, training);
  }

  /** Token ids (N, context) of {@code texts}, in {@code manager}. */
  public NDArray tokens(ClipTokenizer tokenizer, List<String> texts, NDManager manager) {
    int[][] ids = tokenizer.encodeBatch(texts, clip.config().contextLength());
    return manager.create(ids);
  }

  /**
   * Unit class embeddings (C, D) from token ids (C · P, context) laid out class by class: each text
   * embedding normalised, averaged over the P prompts of its class, renormalised.
   */
  public NDArray classEmbeddings(
      ParameterStore store, NDArray tokenIds, int promptsPerClass, boolean training) {
    NDArray texts = ClipModel.normalise(clip.encodeText(store, tokenIds, training));
    return averagePrompts(texts, promptsPerClass);
  }

  /** (C · P, D) unit embeddings -> (C, D) unit class embeddings. */
  static NDArray averagePrompts(NDArray unitTexts, int promptsPerClass) {
    long width = unitTexts.getShape().get(1);
    NDArray perClass = unitTexts.reshape(new Shape(-1, promptsPerClass, width)).mean(new int[] {1});
    return ClipModel.normalise(perClass);
  }

  /**
   * Logits (B, C) of per-frame features (B, T, D) against unit class embeddings (C, D): {@code
   * exp(logit_scale) · cos}, averaged over frames ({@link Pooling#FRAME_LOGITS}) or on the mean
   * frame feature ({@link Pooling#FEATURE_MEAN}).
   */
  public NDArray logits(
      ParameterStore store, NDArray frameFeatures, NDArray classEmbeddings, boolean training) {
    NDArray classesT = classEmbeddings.transpose();
    NDArray cosine;
    if (pooling == Pooling.FRAME_LOGITS) {
      // (B, T, D) unit x (D, C) -> (B, T, C), averaged below after scaling (a constant: same)
      cosine = ClipModel.normalise(frameFeatures).matMul(classesT).mean(new int[] {1});
    } else {
      // (B, T, D) -> (B, D) mean feature -> unit -> (B, C)
      cosine = ClipModel.normalise(frameFeatures.mean(new int[] {1})).matMul(classesT);
    }
    // the parameter is an argument, never the receiver: results stay in the call's manager
    NDArray scale =
        cosine
            .getManager()
            .zeros(new Shape())
            .add(store.getValue(clip.logitScale(), cosine.getDevice(), training))
            .exp();
    return cosine.mul(scale);
  }

  /**
   * Test-time class probabilities (B, C) of K clips per video (B, K, T, 3, R, R): softmax of each
   * clip's logits, averaged over the clips (the multi-view testing of the reference code).
   */
  public NDArray probabilities(NDArray clips, NDArray classEmbeddings) {
    Shape shape = clips.getShape();
    if (shape.dimension() != 6) {
      throw new IllegalArgumentException("clips must be (B, K, T, 3, R, R), got " + shape);
    }
    ParameterStore store = new ParameterStore(clips.getManager(), false);
    // (B, K, T, 3, R, R) -> (B·K, T, 3, R, R) -> (B·K, C) -> (B, K, C) -> (B, C)
    NDArray flat = clips.reshape(new Shape(-1).addAll(shape.slice(2)));
    NDArray logits = logits(store, frameFeatures(store, flat, false), classEmbeddings, false);
    return logits.softmax(1).reshape(shape.get(0), shape.get(1), -1).mean(new int[] {1});
  }
}
