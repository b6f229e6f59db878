package dev.froster.interfaces.batch;

/** Where a job execution stands, in the words of Jakarta Batch (e.g. COMPLETED, FAILED). */
public record BatchJobStatus(
    long executionId, String jobName, String batchStatus, String exitStatus) {}
