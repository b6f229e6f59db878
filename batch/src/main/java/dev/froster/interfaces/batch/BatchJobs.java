package dev.froster.interfaces.batch;

import dev.froster.domain.model.model.ModelVersionId;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Stateless;
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

  private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());

  /** Starts the job that counts a model version's segment embeddings. */
  public long startEmbeddingCount(ModelVersionId modelVersion) {
    Properties parameters = new Properties();
    parameters.setProperty("modelVersionId", Long.toString(modelVersion.value()));
    long executionId = operator().start(EMBEDDING_COUNT, parameters);
    LOG.info("Started " + EMBEDDING_COUNT + " for " + modelVersion + ", execution " + executionId);
    return executionId;
  }

  public Optional<BatchJobStatus> status(long executionId) {
    try {
      JobExecution execution = operator().getJobExecution(executionId);
      return Optional.of(
          new BatchJobStatus(
              executionId,
              execution.getJobName(),
              execution.getBatchStatus().name(),
              execution.getExitStatus()));
    } catch (NoSuchJobExecutionException unknown) {
      return Optional.empty();
    }
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
