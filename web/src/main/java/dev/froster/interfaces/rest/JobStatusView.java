package dev.froster.interfaces.rest;

import dev.froster.application.EmbeddingProgress;
import dev.froster.interfaces.batch.BatchJobStatus;

/**
 * A job execution and, for jobs that work through items, how many are {@code done} out of {@code
 * total}: for {@code embed-catalog} counted in the database (right while the job runs, after a stop
 * and after a restart), for other jobs as their last checkpoint recorded them (null when unknown).
 */
public record JobStatusView(
    long executionId,
    String jobName,
    String batchStatus,
    String exitStatus,
    Long done,
    Long total) {

  static JobStatusView of(BatchJobStatus status, EmbeddingProgress embedding) {
    return embedding == null
        ? new JobStatusView(
            status.executionId(),
            status.jobName(),
            status.batchStatus(),
            status.exitStatus(),
            status.done(),
            status.total())
        : new JobStatusView(
            status.executionId(),
            status.jobName(),
            status.batchStatus(),
            status.exitStatus(),
            embedding.done(),
            embedding.total());
  }
}
