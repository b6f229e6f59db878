package dev.froster.domain.model.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A retraining schedule: whenever its cron expression fires (and it is enabled) a training run is
 * started. {@code nextFireAt} is kept in the database, so a schedule outlives restarts and a firing
 * missed while no server ran happens once when one starts.
 */
@Entity
@Table(name = "training_schedule")
public class TrainingSchedule {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name", nullable = false, unique = true)
  private String name;

  @Column(name = "cron", nullable = false)
  private String cron;

  @Column(name = "enabled", nullable = false)
  private boolean enabled;

  @Column(name = "next_fire_at")
  private Instant nextFireAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected TrainingSchedule() {}

  public TrainingSchedule(
      String name, CronSchedule cron, boolean enabled, String createdBy, Instant now) {
    this.createdBy = createdBy;
    this.createdAt = now;
    change(name, cron, enabled, now);
  }

  /**
   * Replaces name, expression and state; the next fire time is computed from now.
   *
   * @throws InvalidScheduleException naming the field when the name is blank
   */
  public void change(String name, CronSchedule cron, boolean enabled, Instant now) {
    if (name == null || name.isBlank()) {
      throw new InvalidScheduleException("name: a schedule needs a name");
    }
    this.name = name.strip();
    this.cron = cron.expression();
    this.enabled = enabled;
    this.nextFireAt = enabled ? cron.nextAfter(now).orElseThrow() : null;
    this.updatedAt = now;
  }

  /**
   * Records that the schedule fired for the time it was due: the next fire time is the first after
   * {@code now} (fire times missed meanwhile are not fired again).
   */
  public void fired(CronSchedule cron, Instant now) {
    nextFireAt = cron.nextAfter(now).orElse(null);
    if (nextFireAt == null) {
      enabled = false;
    }
  }

  /** Whether the schedule should fire at {@code now}. */
  public boolean dueAt(Instant now) {
    return enabled && nextFireAt != null && !nextFireAt.isAfter(now);
  }

  public TrainingScheduleId id() {
    return new TrainingScheduleId(id);
  }

  public String name() {
    return name;
  }

  public String cron() {
    return cron;
  }

  public boolean enabled() {
    return enabled;
  }

  public Instant nextFireAt() {
    return nextFireAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
