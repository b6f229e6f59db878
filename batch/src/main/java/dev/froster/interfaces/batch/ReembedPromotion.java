package dev.froster.interfaces.batch;

import dev.froster.application.CatalogueEmbeddingService;
import dev.froster.application.EmbeddingProgress;
import dev.froster.application.ModelPromotion;
import dev.froster.application.ModelRegistry;
import dev.froster.application.ModelSwitch;
import dev.froster.application.PromotionStatus;
import dev.froster.application.StateConflictException;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.model.ModelVersionStatus;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link ModelPromotion} by the {@code reembed} job (see its job XML): promote starts it and
 * returns; the candidate becomes active in the job's last step. It lives beside the job XML in the
 * batch module and runs as {@code batchAdmin}, like {@link EmbedCatalogJobs}. One promotion at a
 * time: a second request while a {@code reembed} execution runs is refused.
 *
 * <p>Settings: the {@code embed-catalog} ones ({@code froster.embed.partitions}, {@code
 * froster.embed.segments-per-item}), {@code froster.reembed.chunk-size} (default 4) and {@code
 * froster.reembed.pause-after-chunk} (default {@code PT0S}, see {@link ReembedThrottle}).
 */
@Stateless
@RunAs("batchAdmin")
public class ReembedPromotion implements ModelPromotion {

  public static final String REEMBED = "reembed";

  private static final Logger LOG = Logger.getLogger(ReembedPromotion.class.getName());

  /** Serialises the check "none running" with the start within this server. */
  private static final Object ONE_AT_A_TIME = new Object();

  @EJB private ModelRegistry registry;
  @EJB private ModelSwitch modelSwitch;
  @EJB private CatalogueEmbeddingService catalogue;

  @Inject
  @ConfigProperty(name = "froster.embed.partitions", defaultValue = "2")
  private int partitions;

  @Inject
  @ConfigProperty(name = "froster.reembed.chunk-size", defaultValue = "4")
  private int chunkSize;

  @Inject
  @ConfigProperty(name = "froster.embed.segments-per-item", defaultValue = "4")
  private int segmentsPerItem;

  @Inject
  @ConfigProperty(name = "froster.reembed.pause-after-chunk", defaultValue = "PT0S")
  private String pauseAfterChunk;

  @Override
  public long promote(ModelVersionId candidate, String actor) {
    ModelVersion version = registry.find(candidate);
    if (version.status() != ModelVersionStatus.CANDIDATE) {
      throw new StateConflictException(
          candidate
              + " is "
              + version.status().name().toLowerCase(Locale.ROOT)
              + "; only a candidate can be promoted");
    }
    ReembedThrottle.pause(pauseAfterChunk);
    Properties parameters = new Properties();
    parameters.setProperty("modelVersion", Long.toString(candidate.value()));
    parameters.setProperty("actor", actor);
    parameters.setProperty("partitions", positive("froster.embed.partitions", partitions));
    parameters.setProperty("chunkSize", positive("froster.reembed.chunk-size", chunkSize));
    parameters.setProperty(
        "segmentsPerItem", positive("froster.embed.segments-per-item", segmentsPerItem));
    parameters.setProperty("assets", "");
    parameters.setProperty("pauseAfterChunk", pauseAfterChunk);
    synchronized (ONE_AT_A_TIME) {
      Optional<Long> running = runningExecution();
      if (running.isPresent()) {
        throw new StateConflictException(
            "a promotion is running (reembed execution " + running.get() + "); one at a time");
      }
      long executionId = operator().start(REEMBED, parameters);
      LOG.info("Promoting " + candidate + " for " + actor + ": reembed execution " + executionId);
      return executionId;
    }
  }

  @Override
  public ModelVersionId rollback(String actor) {
    return modelSwitch.rollback(actor).id();
  }

  @Override
  public Optional<PromotionStatus> latest() {
    JobOperator operator = operator();
    if (!operator.getJobNames().contains(REEMBED)) {
      return Optional.empty();
    }
    List<JobInstance> instances = operator.getJobInstances(REEMBED, 0, 1);
    if (instances.isEmpty()) {
      return Optional.empty();
    }
    return operator.getJobExecutions(instances.get(0)).stream()
        .max(Comparator.comparingLong(JobExecution::getExecutionId))
        .map(this::status);
  }

  private PromotionStatus status(JobExecution execution) {
    Properties parameters = execution.getJobParameters();
    long candidate =
        JobParameters.positiveLong("modelVersion", parameters.getProperty("modelVersion"));
    EmbeddingProgress progress = catalogue.progress(new ModelVersionId(candidate), List.of());
    return new PromotionStatus(
        execution.getExecutionId(),
        candidate,
        execution.getBatchStatus().name(),
        execution.getExitStatus(),
        parameters.getProperty("actor"),
        progress.done(),
        progress.total());
  }

  private static Optional<Long> runningExecution() {
    JobOperator operator = operator();
    try {
      if (!operator.getJobNames().contains(REEMBED)) {
        return Optional.empty();
      }
      return operator.getRunningExecutions(REEMBED).stream().findFirst();
    } catch (NoSuchJobException neverRun) {
      return Optional.empty();
    }
  }

  private static String positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return Integer.toString(value);
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
