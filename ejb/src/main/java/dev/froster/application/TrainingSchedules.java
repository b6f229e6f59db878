package dev.froster.application;

import dev.froster.domain.model.schedule.TrainingScheduleId;
import java.util.List;

/**
 * Admins' retraining schedules: each fires a training run ({@link TrainingRuns#start} with the
 * trigger {@code schedule:<id>}) whenever its cron expression fires, and records the outcome.
 */
public interface TrainingSchedules {

  /**
   * Stores a new schedule.
   *
   * @throws dev.froster.domain.model.schedule.InvalidScheduleException naming the field when the
   *     name or the cron expression is not valid (nothing is stored)
   */
  TrainingScheduleDetails create(String name, String cron, boolean enabled, String actor);

  /**
   * Replaces a schedule's name, cron expression and state.
   *
   * @throws UnknownEntityException when it does not exist
   */
  TrainingScheduleDetails update(
      TrainingScheduleId id, String name, String cron, boolean enabled, String actor);

  /** Enables or disables a schedule (its next fire time is computed from now when enabled). */
  TrainingScheduleDetails enable(TrainingScheduleId id, boolean enabled, String actor);

  /**
   * @throws UnknownEntityException when it does not exist
   */
  void delete(TrainingScheduleId id, String actor);

  List<TrainingScheduleDetails> list();

  /**
   * @throws UnknownEntityException when it does not exist
   */
  TrainingScheduleDetails find(TrainingScheduleId id);

  /**
   * Fires every schedule that is due now, each at most once however many servers ask.
   *
   * @return how many fired
   */
  int fireDue();
}
