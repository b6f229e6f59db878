package dev.froster.domain.model.training;

import dev.froster.domain.model.model.ModelVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One retraining run: the {@code froster-train} job execution that works on it now (a restart makes
 * a new execution of the same job instance), its progress in optimiser steps, the teacher it
 * distils from and the version it must beat, and in the end its candidate and the gate's verdict.
 */
@Entity
@Table(name = "training_run")
public class TrainingRun {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "trigger", nullable = false, updatable = false)
  private String trigger;

  @Column(name = "status", nullable = false)
  private TrainingRunStatus status;

  @Column(name = "job_execution_id")
  private Long jobExecutionId;

  @Column(name = "step", nullable = false)
  private long step;

  @Column(name = "total_steps")
  private Long totalSteps;

  @Column(name = "run_dir")
  private String runDirectory;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "teacher_id")
  private ModelVersion teacher;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_model_version_id")
  private ModelVersion parent;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "produced_model_version_id")
  private ModelVersion candidate;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "config", nullable = false)
  private String settings;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "dataset_summary", nullable = false)
  private String datasetSummary;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "gate", nullable = false)
  private String gate;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "metrics")
  private String metrics;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "curves")
  private String curves;

  @Column(name = "failure_reason")
  private String failureReason;

  @Column(name = "started_at", nullable = false, updatable = false)
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  protected TrainingRun() {}

  /**
   * A run that starts now.
   *
   * @param settingsJson every setting of the run (training, split, gate), fixed for its restarts
   */
  public TrainingRun(
      String trigger, ModelVersion teacher, ModelVersion parent, String settingsJson) {
    if (trigger == null || trigger.isBlank()) {
      throw new IllegalArgumentException("a training run needs a trigger");
    }
    this.trigger = trigger;
    this.teacher = teacher;
    this.parent = parent;
    this.settings = settingsJson;
    this.datasetSummary = "{}";
    this.gate = "{}";
    this.status = TrainingRunStatus.RUNNING;
    this.startedAt = Instant.now();
  }

  public TrainingRunId id() {
    return new TrainingRunId(id);
  }

  public String trigger() {
    return trigger;
  }

  public TrainingRunStatus status() {
    return status;
  }

  public Long jobExecutionId() {
    return jobExecutionId;
  }

  public long step() {
    return step;
  }

  public Long totalSteps() {
    return totalSteps;
  }

  public String runDirectory() {
    return runDirectory;
  }

  public ModelVersion teacher() {
    return teacher;
  }

  public ModelVersion parent() {
    return parent;
  }

  public ModelVersion candidate() {
    return candidate;
  }

  public String settingsJson() {
    return settings;
  }

  public String datasetSummaryJson() {
    return datasetSummary;
  }

  public String gateJson() {
    return gate;
  }

  public String failureReason() {
    return failureReason;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant endedAt() {
    return endedAt;
  }

  /** The job execution now working on this run, and the folder that holds its files. */
  public void runsAs(long executionId, String runDirectory) {
    this.jobExecutionId = executionId;
    this.runDirectory = runDirectory;
  }

  /** The training set was assembled: what it holds, and how many steps training will take. */
  public void assembled(String datasetSummaryJson) {
    this.datasetSummary = datasetSummaryJson;
  }

  /** Training reached {@code step} of {@code total}. */
  public void progressed(long step, long total) {
    if (step < 0 || total < 0 || step > total) {
      throw new IllegalArgumentException("step " + step + " of " + total + " is not a progress");
    }
    this.step = step;
    this.totalSteps = total;
  }

  /**
   * The candidate was registered.
   *
   * @param metricsJson accuracies of candidate, active version and teacher on the held-out data
   * @param curvesJson the run's per-step and per-epoch loss and accuracy
   */
  public void produced(ModelVersion candidate, String metricsJson, String curvesJson) {
    this.candidate = candidate;
    this.metrics = metricsJson;
    this.curves = curvesJson;
  }

  /** Evaluation figures once evaluated, else null. */
  public String metricsJson() {
    return metrics;
  }

  /** Training curves once trained, else null. */
  public String curvesJson() {
    return curves;
  }

  /** The gate decided; the run is over. */
  public void completed(String gateJson, Instant now) {
    requireRunning("complete");
    this.gate = gateJson;
    this.status = TrainingRunStatus.COMPLETED;
    this.failureReason = null;
    this.endedAt = now;
  }

  public void failed(String reason, Instant now) {
    this.status = TrainingRunStatus.FAILED;
    this.failureReason =
        reason == null || reason.isBlank() ? "failed without a message" : truncated(reason);
    this.endedAt = now;
  }

  public void stopped(Instant now) {
    this.status = TrainingRunStatus.STOPPED;
    this.endedAt = now;
  }

  /**
   * Runs again as a new execution of its job, from its last checkpoint.
   *
   * @throws IllegalStateException unless the run stopped or failed
   */
  public void restarted(long executionId) {
    if (!status.restartable()) {
      throw new IllegalStateException(
          this + " is " + word(status) + "; only a stopped or failed run can be restarted");
    }
    this.status = TrainingRunStatus.RUNNING;
    this.jobExecutionId = executionId;
    this.failureReason = null;
    this.endedAt = null;
  }

  /**
   * Gives the run up for good.
   *
   * @throws IllegalStateException while it runs or after it completed
   */
  public void abandoned(Instant now) {
    if (!status.restartable()) {
      throw new IllegalStateException(
          this + " is " + word(status) + "; only a stopped or failed run can be abandoned");
    }
    this.status = TrainingRunStatus.ABANDONED;
    this.endedAt = now;
  }

  private void requireRunning(String action) {
    if (status != TrainingRunStatus.RUNNING) {
      throw new IllegalStateException(this + " is " + word(status) + ", cannot " + action);
    }
  }

  private static String truncated(String reason) {
    return reason.length() > 2000 ? reason.substring(0, 2000) + "…" : reason;
  }

  private static String word(TrainingRunStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "training run " + id;
  }
}
