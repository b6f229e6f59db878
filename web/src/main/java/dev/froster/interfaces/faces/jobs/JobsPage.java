package dev.froster.interfaces.faces.jobs;

import dev.froster.application.ModelRegistry;
import dev.froster.application.StateConflictException;
import dev.froster.application.UnknownEntityException;
import dev.froster.interfaces.batch.AutoTagJobs;
import dev.froster.interfaces.batch.BatchJobStatus;
import dev.froster.interfaces.batch.BatchJobs;
import dev.froster.interfaces.batch.EmbedCatalogJobs;
import dev.froster.interfaces.faces.Messages;
import dev.froster.interfaces.faces.Roles;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * jobs.xhtml (admins): the catalogue's batch jobs. Starting goes through the same beans as the REST
 * API ({@code /api/v1/jobs}); the history lists the latest executions of each job from the batch
 * repository, with duration, items done of total and the exit status (the failure reason of failed
 * executions); the page polls it every second while an execution runs.
 */
@Named
@RequestScoped
public class JobsPage {

  /** The jobs the page manages, in the order of the pipeline. */
  static final List<String> JOBS =
      List.of(
          BatchJobs.INGEST_ASSETS,
          EmbedCatalogJobs.EMBED_CATALOG,
          AutoTagJobs.AUTO_TAG,
          BatchJobs.EMBEDDING_COUNT);

  static final int HISTORY_PER_JOB = 10;

  @EJB private BatchJobs jobs;
  @EJB private EmbedCatalogJobs embedJobs;
  @EJB private AutoTagJobs tagJobs;
  @EJB private ModelRegistry models;

  private List<ExecutionRow> history;

  public void startIngest() {
    start("ingest", () -> jobs.startIngestAssets());
  }

  public void startEmbed() {
    start(
        "embedding",
        () -> embedJobs.start(new EmbedCatalogJobs.Request(null, null, null, null, null)));
  }

  public void startTagging() {
    start("auto-tagging", () -> tagJobs.start(new AutoTagJobs.Request(null, null)));
  }

  public void startEmbeddingCount() {
    start(
        "embedding count",
        () ->
            jobs.startEmbeddingCount(
                models
                    .active()
                    .orElseThrow(() -> new StateConflictException("no model version is active"))
                    .id()));
  }

  public void stop(long executionId) {
    act(() -> jobs.stop(executionId), "Stopping execution " + executionId);
  }

  public void restart(long executionId) {
    act(
        () ->
            jobs.restart(executionId)
                .ifPresentOrElse(
                    restarted -> Messages.info("Restarted as execution " + restarted),
                    () -> Messages.error(null, "Execution " + executionId + " does not exist")),
        null);
  }

  private void start(String what, LongSupplier starter) {
    act(() -> Messages.info("Started " + what + ": execution " + starter.getAsLong()), null);
  }

  private void act(Runnable action, String done) {
    try {
      Roles.require("admin");
      action.run();
      if (done != null) {
        Messages.info(done);
      }
    } catch (StateConflictException
        | UnknownEntityException
        | IllegalArgumentException
        | IllegalStateException
        | SecurityException
        | JobSecurityException refused) {
      Messages.error(null, refused.getMessage());
    }
    history = null;
  }

  /** The latest executions of every job, newest first. */
  public List<ExecutionRow> getHistory() {
    if (history == null) {
      history = readHistory();
    }
    return history;
  }

  /** The five latest executions (the dashboard's "recent jobs"). */
  public List<ExecutionRow> getRecent() {
    List<ExecutionRow> all = getHistory();
    return all.subList(0, Math.min(5, all.size()));
  }

  /** Whether any execution is still running: the page polls while so. */
  public boolean isAnyRunning() {
    return getHistory().stream().anyMatch(row -> !row.finished());
  }

  private List<ExecutionRow> readHistory() {
    JobOperator operator = BatchRuntime.getJobOperator();
    List<ExecutionRow> rows = new ArrayList<>();
    for (String job : JOBS) {
      List<JobInstance> instances;
      try {
        instances = operator.getJobInstances(job, 0, HISTORY_PER_JOB);
      } catch (NoSuchJobException neverRun) {
        continue;
      }
      for (JobInstance instance : instances) {
        for (JobExecution execution : operator.getJobExecutions(instance)) {
          rows.add(row(execution));
        }
      }
    }
    rows.sort(Comparator.comparingLong(ExecutionRow::executionId).reversed());
    return rows;
  }

  private ExecutionRow row(JobExecution execution) {
    BatchJobStatus status =
        jobs.status(execution.getExecutionId())
            .orElse(
                new BatchJobStatus(
                    execution.getExecutionId(),
                    execution.getJobName(),
                    execution.getBatchStatus().name(),
                    execution.getExitStatus()));
    Instant started = instant(execution.getStartTime());
    Instant ended = instant(execution.getEndTime());
    return new ExecutionRow(
        execution.getExecutionId(),
        execution.getJobName(),
        status.batchStatus(),
        status.exitStatus(),
        started,
        ended,
        started == null
            ? null
            : Duration.between(started, ended == null ? Instant.now() : ended).toMillis(),
        status.done(),
        status.total(),
        BatchJobs.finished(status));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  /** One execution as the history shows it. */
  public record ExecutionRow(
      long executionId,
      String job,
      String status,
      String exitStatus,
      Instant started,
      Instant ended,
      Long durationMs,
      Long done,
      Long total,
      boolean finished) {

    /** Percent done: 100 once completed, null when the total is not known yet. */
    public Integer percent() {
      if ("COMPLETED".equals(status)) {
        return 100;
      }
      if (done == null || total == null || total == 0) {
        return null;
      }
      return (int) Math.min(100, 100 * done / total);
    }

    public String duration() {
      if (durationMs == null) {
        return "";
      }
      return durationMs < 10_000
          ? String.format("%.1f s", durationMs / 1000.0)
          : String.format("%d min %02d s", durationMs / 60_000, (durationMs / 1000) % 60);
    }

    public boolean restartable() {
      return "FAILED".equals(status) || "STOPPED".equals(status);
    }
  }
}
