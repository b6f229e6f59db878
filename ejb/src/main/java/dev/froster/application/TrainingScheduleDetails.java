package dev.froster.application;

import java.time.Instant;
import java.util.List;

/**
 * A retraining schedule as admins see it.
 *
 * @param nextFireTimes the next few fire times (empty when disabled)
 * @param recentFirings the latest firings, newest first
 */
public record TrainingScheduleDetails(
    long id,
    String name,
    String cron,
    String timeZone,
    boolean enabled,
    List<Instant> nextFireTimes,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    List<Firing> recentFirings) {

  /** One firing: when it was due, when it fired, the run it started (or null) and the outcome. */
  public record Firing(Instant dueAt, Instant firedAt, Long runId, String outcome) {}
}
