package dev.froster.application;

/**
 * Starting FROSTER retraining runs ({@code froster-train} job); at most one runs at a time.
 * Schedules and the REST API start runs through this.
 */
public interface TrainingRuns {

  /**
   * Starts a training run with the configured defaults.
   *
   * @param trigger who or what started it: a user name, or {@code schedule:<id>}
   * @return the run's id
   * @throws StateConflictException when a training run is already running
   */
  long start(String trigger);
}
