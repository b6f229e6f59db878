package dev.froster.domain.model.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Finds and stores retraining schedules and their firings. */
public interface TrainingScheduleRepository {

  Optional<TrainingSchedule> find(TrainingScheduleId id);

  /** Every schedule, by id. */
  List<TrainingSchedule> all();

  boolean nameTaken(String name, Optional<TrainingScheduleId> except);

  void add(TrainingSchedule schedule);

  void remove(TrainingSchedule schedule);

  /** Ids of enabled schedules due at {@code now}. */
  List<TrainingScheduleId> dueAt(Instant now);

  /**
   * The schedule, locked for this transaction, if it is due and no other transaction holds it (a
   * second server firing the same schedule skips it).
   */
  Optional<TrainingSchedule> claimIfDue(TrainingScheduleId id, Instant now);

  void add(ScheduleFiring firing);

  /** The schedule's latest firings, newest first. */
  List<ScheduleFiring> firings(TrainingScheduleId id, int limit);

  /** Writes pending changes now (so that constraint violations surface here). */
  void flush();
}
