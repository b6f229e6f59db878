package dev.froster.engine.froster;

/** How the T frames of a clip become one score per class (froster-method.md, "Scoring a video"). */
public enum Pooling {
  /** FROSTER: per-frame cosine logits, averaged over frames. */
  FRAME_LOGITS,
  /** ViFi-CLIP: frame features averaged, then one cosine logit per class. */
  FEATURE_MEAN
}
