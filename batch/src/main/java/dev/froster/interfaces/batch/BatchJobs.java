package dev.froster.interfaces.batch;

import dev.froster.application.StateConflictException;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts Froster's batch jobs and reports on them.
 *
 * <p>Runs as {@code batchAdmin}: Liberty's batch container authorises every JobOperator call, and
 * timers or other unauthenticated callers have no identity of their own (the binding to a user is
 * in server.xml, see liberty-config/README.md).
 */
@Stateless
@RunAs("batchAdmin")
public class BatchJobs {

  public static final String EMBEDDING_COUNT = "embedding-count";
  public static final String INGEST_ASSETS = "ingest-assets";

  private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());
  private static final EnumSet<BatchStatus> FINISHED =
      EnumSet.of(
          BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED);

  @Inject private JobProgress progress;

  /** Starts the job that counts a model version's segment embeddings. */
  public long startEmbeddingCount(ModelVersionId modelVersion) {
    Properties parameters = new Properties();
    parameters.setProperty("modelVersionId", Long.toString(modelVersion.value()));
    long executionId = operator().start(EMBEDDING_COUNT, parameters);
    LOG.info("Started " + EMBEDDING_COUNT + " for " + modelVersion + ", execution " + executionId);
    return executionId;
  }

  /** Starts {@code ingest-assets} over every asset waiting in {@code registered}. */
  public long startIngestAssets() {
    long executionId = operator().start(INGEST_ASSETS, new Properties());
    LOG.info("Started " + INGEST_ASSETS + ", execution " + executionId);
    return executionId;
  }

  /** Whether an execution of the job is starting or running (in any server of the repository). */
  public boolean isRunning(String jobName) {
    JobOperator operator = operator();
    try {
      return hasRun(operator, jobName) && !operator.getRunningExecutions(jobName).isEmpty();
    } catch (NoSuchJobException neverRun) {
      return false;
    }
  }

  /** The latest execution of a job: its id, status and end (null while running). */
  public record LatestExecution(long executionId, BatchStatus status, Instant ended) {}

  /** The latest execution of the job, empty when it never ran. */
  public Optional<LatestExecution> latestExecution(String jobName) {
    JobOperator operator = operator();
    try {
      if (!hasRun(operator, jobName)) {
        return Optional.empty();
      }
      // instances come newest first; an instance's executions oldest first
      List<JobInstance> instances = operator.getJobInstances(jobName, 0, 1);
      if (instances.isEmpty()) {
        return Optional.empty();
      }
      return operator.getJobExecutions(instances.get(0)).stream()
          .max(Comparator.comparingLong(JobExecution::getExecutionId))
          .map(
              latest ->
                  new LatestExecution(
                      latest.getExecutionId(),
                      latest.getBatchStatus(),
                      latest.getEndTime() == null ? null : latest.getEndTime().toInstant()));
    } catch (NoSuchJobException neverRun) {
      return Optional.empty();
    }
  }

  // Asked about a job that never ran, the operator throws NoSuchJobException, and Liberty writes
  // an FFDC incident for each such throw: the pipeline asks at every poll.
  private static boolean hasRun(JobOperator operator, String jobName) {
    return operator.getJobNames().contains(jobName);
  }

  /**
   * Asks a running execution to stop after its current chunk; false when it does not exist.
   *
   * @throws StateConflictException when it is not running
   */
  public boolean stop(long executionId) {
    try {
      operator().stop(executionId);
      LOG.info("Stopping job execution " + executionId);
      return true;
    } catch (NoSuchJobExecutionException unknown) {
      return false;
    } catch (JobExecutionNotRunningException finished) {
      throw new StateConflictException("job execution " + executionId + " is not running");
    }
  }

  /**
   * Restarts a stopped or failed execution with its own parameters.
   *
   * @return the new execution, empty when {@code executionId} does not exist
   * @throws jakarta.batch.operations.JobRestartException (an IllegalStateException's sibling) when
   *     the execution is not the job's latest or is still running
   */
  public Optional<Long> restart(long executionId) {
    try {
      JobOperator operator = operator();
      long restarted = operator.restart(executionId, operator.getParameters(executionId));
      LOG.info("Restarted job execution " + executionId + " as " + restarted);
      return Optional.of(restarted);
    } catch (NoSuchJobExecutionException unknown) {
      return Optional.empty();
    } catch (JobRestartException | JobExecutionAlreadyCompleteException notRestartable) {
      throw new StateConflictException(
          "job execution " + executionId + " cannot be restarted: " + notRestartable.getMessage());
    }
  }

  public Optional<BatchJobStatus> status(long executionId) {
    try {
      JobExecution execution = operator().getJobExecution(executionId);
      Long done = null;
      Long total = null;
      Optional<JobProgress.Counts> live = progress.of(executionId);
      if (live.isPresent()) {
        done = live.get().done();
        total = live.get().total();
      } else {
        long handled = handledItems(operator().getStepExecutions(executionId));
        if (handled > 0 || execution.getJobName().equals(INGEST_ASSETS)) {
          done = handled;
          total = execution.getBatchStatus() == BatchStatus.COMPLETED ? handled : null;
        }
      }
      return Optional.of(
          new BatchJobStatus(
              executionId,
              execution.getJobName(),
              execution.getBatchStatus().name(),
              execution.getExitStatus(),
              done,
              total));
    } catch (NoSuchJobExecutionException unknown) {
      return Optional.empty();
    }
  }

  /** Whether the execution has come to an end (completed, failed, stopped or abandoned). */
  public static boolean finished(BatchJobStatus status) {
    return FINISHED.contains(BatchStatus.valueOf(status.batchStatus()));
  }

  /** Items written or skipped, as the step metrics stored at the last checkpoint say. */
  private static long handledItems(List<StepExecution> steps) {
    long handled = 0;
    for (StepExecution step : steps) {
      for (Metric metric : step.getMetrics()) {
        if (metric.getType() == Metric.MetricType.WRITE_COUNT
            || metric.getType() == Metric.MetricType.PROCESS_SKIP_COUNT
            || metric.getType() == Metric.MetricType.FILTER_COUNT) {
          handled += metric.getValue();
        }
      }
    }
    return handled;
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
