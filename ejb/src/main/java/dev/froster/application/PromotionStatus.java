package dev.froster.application;

/**
 * The latest promotion: its {@code reembed} job execution, the candidate it promotes, the job's
 * batch and exit status, and how many of the catalogue's segments the candidate has embedded.
 *
 * @param executionId the latest execution of the promotion's job instance
 * @param candidate the version being (or that was) promoted
 * @param batchStatus STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED or ABANDONED
 * @param exitStatus the job's exit status (e.g. why the switch was refused), null while running
 * @param actor who promoted
 */
public record PromotionStatus(
    long executionId,
    long candidate,
    String batchStatus,
    String exitStatus,
    String actor,
    long done,
    long total) {}
