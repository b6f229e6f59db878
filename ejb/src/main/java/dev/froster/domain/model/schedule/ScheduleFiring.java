package dev.froster.domain.model.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One firing of a schedule: the run it started, or why it started none. */
@Entity
@Table(name = "training_schedule_firing")
public class ScheduleFiring {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "schedule_id", nullable = false, updatable = false)
  private long scheduleId;

  @Column(name = "due_at", nullable = false, updatable = false)
  private Instant dueAt;

  @Column(name = "fired_at", nullable = false, updatable = false)
  private Instant firedAt;

  @Column(name = "run_id", updatable = false)
  private Long runId;

  @Column(name = "outcome", nullable = false, updatable = false)
  private String outcome;

  protected ScheduleFiring() {}

  private ScheduleFiring(
      TrainingScheduleId schedule, Instant dueAt, Instant firedAt, Long runId, String outcome) {
    this.scheduleId = schedule.value();
    this.dueAt = dueAt;
    this.firedAt = firedAt;
    this.runId = runId;
    this.outcome = outcome;
  }

  /** The firing started run {@code runId}. */
  public static ScheduleFiring started(
      TrainingScheduleId schedule, Instant dueAt, Instant firedAt, long runId) {
    return new ScheduleFiring(schedule, dueAt, firedAt, runId, "started run " + runId);
  }

  /** The firing started no run, for the reason given (e.g. one is running already). */
  public static ScheduleFiring skipped(
      TrainingScheduleId schedule, Instant dueAt, Instant firedAt, String reason) {
    return new ScheduleFiring(schedule, dueAt, firedAt, null, "skipped: " + reason);
  }

  public Instant dueAt() {
    return dueAt;
  }

  public Instant firedAt() {
    return firedAt;
  }

  public Long runId() {
    return runId;
  }

  public String outcome() {
    return outcome;
  }
}
