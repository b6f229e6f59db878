package dev.froster.domain.model.model;

/** Lifecycle of a model version; stored lower-case in {@code model_version.status}. */
public enum ModelVersionStatus {
  TRAINING,
  CANDIDATE,
  ACTIVE,
  RETIRED
}
