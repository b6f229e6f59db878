package dev.froster.application;

import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.training.TrainingRunId;
import java.util.function.BooleanSupplier;

/**
 * The steps of the {@code froster-train} job, one call each, in order. Engine work runs outside any
 * transaction; each call records its outcome on the run.
 */
public interface TrainingJob {

  /** Receives training progress (steps done of the run's total). */
  interface Progress {
    void reached(long step, long total);
  }

  /**
   * Writes the run's training set snapshot: registered datasets and review-confirmed moments, with
   * the held-out split.
   */
  void assemble(TrainingRunId run, long executionId);

  /**
   * Trains (resuming from the latest checkpoint) until done or {@code stopRequested}.
   *
   * @return true when training finished and the candidate bundle was written
   */
  boolean train(TrainingRunId run, Progress progress, BooleanSupplier stopRequested);

  /** Evaluates candidate, active version and teacher; registers the candidate with its metrics. */
  void evaluateAndRegister(TrainingRunId run);

  /**
   * Hands a candidate that passed the gate to promotion (the batch module holds the promotion
   * service, so the job's step supplies it).
   */
  interface Promoter {
    /**
     * Starts promoting; returns the re-embedding execution.
     *
     * @throws dev.froster.application.StateConflictException when promotion refuses now
     * @throws UnsupportedOperationException when no promotion service is deployed
     */
    long promote(ModelVersionId candidate);
  }

  /** Applies the promotion gate (promoting through {@code promoter} when it passes); completes. */
  void gate(TrainingRunId run, Promoter promoter);

  /** Records that a step failed. */
  void failed(TrainingRunId run, String reason);

  /** Records that the run stopped on request. */
  void stopped(TrainingRunId run);
}
