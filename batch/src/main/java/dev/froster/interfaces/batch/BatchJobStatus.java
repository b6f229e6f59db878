package dev.froster.interfaces.batch;

/**
 * Where a job execution stands, in the words of Jakarta Batch (e.g. COMPLETED, FAILED), and for
 * jobs that work through items, how many are {@code done} out of {@code total} (null when not
 * known, e.g. a batchlet, or before the first checkpoint of an execution running elsewhere).
 */
public record BatchJobStatus(
    long executionId,
    String jobName,
    String batchStatus,
    String exitStatus,
    Long done,
    Long total) {

  public BatchJobStatus(long executionId, String jobName, String batchStatus, String exitStatus) {
    this(executionId, jobName, batchStatus, exitStatus, null, null);
  }
}
