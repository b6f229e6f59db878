package dev.froster.domain.model.training;

/** Lifecycle of a training run; stored lower-case in {@code training_run.status}. */
public enum TrainingRunStatus {
  /** Its job is running (or was restarted); at most one run is in this state. */
  RUNNING,
  /** Evaluated, registered and gated. */
  COMPLETED,
  /** A step failed; the reason is recorded. It may be restarted. */
  FAILED,
  /** Stopped on request after a checkpoint; restarting resumes from it. */
  STOPPED,
  /** Given up for good. */
  ABANDONED;

  /** Whether the run can still be restarted. */
  public boolean restartable() {
    return this == FAILED || this == STOPPED;
  }
}
