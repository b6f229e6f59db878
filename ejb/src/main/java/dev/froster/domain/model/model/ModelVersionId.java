package dev.froster.domain.model.model;

/** The database identity of a model version. */
public record ModelVersionId(long value) {

  public ModelVersionId {
    if (value <= 0) {
      throw new IllegalArgumentException("model version id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return "model version " + value;
  }
}
