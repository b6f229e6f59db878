package dev.froster.domain.model.schedule;

/** The database identity of a retraining schedule. */
public record TrainingScheduleId(long value) {

  public TrainingScheduleId {
    if (value <= 0) {
      throw new IllegalArgumentException("schedule id must be positive, was " + value);
    }
  }

  /** What a run started by this schedule records as its trigger. */
  public String trigger() {
    return "schedule:" + value;
  }

  @Override
  public String toString() {
    return "training schedule " + value;
  }
}
