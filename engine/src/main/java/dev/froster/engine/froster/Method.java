package dev.froster.engine.froster;

/**
 * The training recipes one trainer runs (froster-method.md, "The numbers to beat"): FROSTER and the
 * baselines it is compared with, differing only in which parts are switched on.
 */
public enum Method {
  /** The starting CLIP, not trained: frame-wise, frame-averaged logits (zero-shot baseline). */
  FROZEN_CLIP(false, false, false, Pooling.FRAME_LOGITS),
  /** ViFi-CLIP: plain fine-tuning of both towers, no temporal attention, feature-mean pooling. */
  VIFI_CLIP(true, false, false, Pooling.FEATURE_MEAN),
  /** Fine-tuning with FROSTER's temporal attention but without the teacher. */
  TEMPORAL_FINETUNE(true, true, false, Pooling.FRAME_LOGITS),
  /** FROSTER: temporal attention and residual feature distillation from the frozen teacher. */
  FROSTER(true, true, true, Pooling.FRAME_LOGITS);

  private final boolean trains;
  private final boolean temporal;
  private final boolean distils;
  private final Pooling pooling;

  Method(boolean trains, boolean temporal, boolean distils, Pooling pooling) {
    this.trains = trains;
    this.temporal = temporal;
    this.distils = distils;
    this.pooling = pooling;
  }

  /** Whether the recipe updates the model at all. */
  public boolean trains() {
    return trains;
  }

  /** Whether the student's image tower uses neighbour-frame attention. */
  public boolean temporal() {
    return temporal;
  }

  /** Whether the loss includes residual feature distillation from the frozen teacher. */
  public boolean distils() {
    return distils;
  }

  /** How frames become one score per class. */
  public Pooling pooling() {
    return pooling;
  }
}
