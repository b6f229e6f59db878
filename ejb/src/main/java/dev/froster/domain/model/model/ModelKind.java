package dev.froster.domain.model.model;

/** Where a model version came from; stored lower-case in {@code model_version.kind}. */
public enum ModelKind {
  /** An imported CLIP checkpoint: the frozen teacher of training runs. */
  BASE,
  /** Made by a {@code froster-train} run. */
  TRAINED
}
