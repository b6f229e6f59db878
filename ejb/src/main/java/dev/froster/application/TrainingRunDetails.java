package dev.froster.application;

import java.time.Instant;

/**
 * A training run as the API shows it.
 *
 * @param batchStatus the job execution's status in Jakarta Batch's words, null when unknown
 * @param metricsJson held-out accuracies of candidate, active version and teacher (null before
 *     evaluation)
 * @param gateJson the promotion gate's verdict ({@code {}} before it decided)
 */
public record TrainingRunDetails(
    long id,
    String trigger,
    String status,
    Long jobExecutionId,
    String batchStatus,
    long step,
    Long totalSteps,
    Long teacherId,
    Long parentId,
    Long candidateId,
    String settingsJson,
    String datasetSummaryJson,
    String metricsJson,
    String gateJson,
    String failureReason,
    Instant startedAt,
    Instant endedAt) {}
