package dev.froster.domain.model.training;

/** The database identity of a training run. */
public record TrainingRunId(long value) {

  public TrainingRunId {
    if (value <= 0) {
      throw new IllegalArgumentException("training run id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return "training run " + value;
  }
}
