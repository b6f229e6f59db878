package dev.froster.application;

import dev.froster.domain.model.training.TrainingRunId;
import java.util.List;

/**
 * Control of training runs from the API: start with chosen settings, follow, stop, restart from the
 * last checkpoint, abandon; and the datasets every run trains on.
 */
public interface TrainingRunService extends TrainingRuns {

  /**
   * Starts a run with {@code overrides} instead of the defaults.
   *
   * @throws StateConflictException when a run is running, or there is nothing to train on
   * @throws InvalidTrainingRequestException naming a setting that is out of range
   */
  long start(String trigger, TrainingOverrides overrides);

  /** Runs, newest first, at most {@code limit}. */
  List<TrainingRunDetails> list(int limit);

  /**
   * @throws UnknownEntityException when the run does not exist
   */
  TrainingRunDetails details(TrainingRunId id);

  /**
   * Asks the running run to stop after its current checkpoint slice.
   *
   * @throws StateConflictException when it is not running
   */
  void stop(TrainingRunId id);

  /**
   * Restarts a stopped or failed run: its job resumes from the last checkpoint.
   *
   * @return the new job execution
   * @throws StateConflictException when it is not stopped or failed, or another run is running
   */
  long restart(TrainingRunId id);

  /**
   * Gives a stopped or failed run up for good.
   *
   * @throws StateConflictException when it runs or completed
   */
  void abandon(TrainingRunId id);

  /**
   * Registers a dataset folder (an ActionDataset under the datasets root or an ingest root).
   *
   * @throws InvalidTrainingRequestException naming what is wrong (unreadable, a class without
   *     examples, outside the roots, name taken); nothing is registered
   */
  TrainingDatasetDetails registerDataset(String name, String path);

  List<TrainingDatasetDetails> datasets();
}
