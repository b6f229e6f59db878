package dev.froster.engine.inference;

import dev.froster.engine.eval.Recipes;
import dev.froster.engine.froster.Pooling;
import java.util.Map;

/**
 * How a bundle's model turns a clip into a score, as {@code froster train} records it in the
 * bundle's metrics; a bundle without these metrics (an imported CLIP) is frame-wise CLIP: no
 * temporal attention, per-frame logits, {@link Recipes#FRAMES} frames.
 *
 * @param temporal whether frames attend to their neighbours (FROSTER's temporal attention)
 * @param pooling how the frames of a clip are pooled
 * @param frames frames per clip the model was trained with
 */
public record BundleScoring(boolean temporal, Pooling pooling, int frames) {

  /** Bundle metric: 1 when the model uses neighbour-frame attention. */
  public static final String TEMPORAL_METRIC = "temporal";

  /** Bundle metric: 1 when frames are pooled by mean feature rather than by logits. */
  public static final String FEATURE_MEAN_METRIC = "feature_mean_pooling";

  /** Bundle metric: frames per clip the model was trained with. */
  public static final String FRAMES_METRIC = "frames";

  public BundleScoring {
    if (frames <= 0) {
      throw new IllegalArgumentException("frames per clip must be positive, was " + frames);
    }
  }

  /** The scoring recorded in a bundle's metrics. */
  public static BundleScoring of(Map<String, Double> metrics) {
    boolean temporal = metrics.getOrDefault(TEMPORAL_METRIC, 0.0) == 1.0;
    Pooling pooling =
        metrics.getOrDefault(FEATURE_MEAN_METRIC, 0.0) == 1.0
            ? Pooling.FEATURE_MEAN
            : Pooling.FRAME_LOGITS;
    int frames =
        metrics.containsKey(FRAMES_METRIC) ? metrics.get(FRAMES_METRIC).intValue() : Recipes.FRAMES;
    return new BundleScoring(temporal, pooling, frames);
  }
}
