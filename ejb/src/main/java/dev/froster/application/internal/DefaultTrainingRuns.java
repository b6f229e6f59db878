package dev.froster.application.internal;

import dev.froster.application.InvalidTrainingRequestException;
import dev.froster.application.StateConflictException;
import dev.froster.application.TrainingDatasetDetails;
import dev.froster.application.TrainingOverrides;
import dev.froster.application.TrainingRunDetails;
import dev.froster.application.TrainingRunService;
import dev.froster.application.TrainingRuns;
import dev.froster.domain.model.asset.IngestRoots;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.training.TrainingDataset;
import dev.froster.domain.model.training.TrainingRunId;
import dev.froster.engine.retraining.InvalidTrainingSetException;
import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ActionDatasetReader;
import dev.froster.infrastructure.ingest.IngestConfiguration;
import dev.froster.infrastructure.training.TrainingConfiguration;
import jakarta.annotation.security.RunAs;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Starts and controls {@code froster-train} runs. The run is recorded (committed) before its job
 * starts, so the job always finds it; at most one runs (a partial unique index backs the check).
 * Runs as {@code batchAdmin}, the identity Liberty's batch container authorises (see BatchJobs).
 */
@Stateless
@Local({TrainingRuns.class, TrainingRunService.class})
@RunAs("batchAdmin")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultTrainingRuns implements TrainingRunService {

  /** The job's name (its XML in the batch module's META-INF/batch-jobs). */
  public static final String FROSTER_TRAIN = "froster-train";

  /** Batch status word for an execution the job repository does not know (any more). */
  static final String UNKNOWN = "UNKNOWN";

  private static final Logger LOG = Logger.getLogger(DefaultTrainingRuns.class.getName());

  @EJB private TrainingRunLedger ledger;
  @Inject private TrainingConfiguration configuration;
  @Inject private IngestConfiguration ingest;

  @Override
  public long start(String trigger) {
    return start(trigger, TrainingOverrides.none());
  }

  @Override
  public long start(String trigger, TrainingOverrides overrides) {
    JsonObject settings = configuration.runSettings(overrides);
    ledger.running().ifPresent(running -> ledger.reconcile(running, batchStatus(running)));
    Optional<TrainingRunId> running = ledger.running();
    if (running.isPresent()) {
      throw new StateConflictException(
          running.get() + " is running: at most one training run at a time");
    }
    if (!ledger.anyExamples()) {
      throw new StateConflictException(
          "the training set has no examples: register a dataset or accept tags in the review"
              + " queue");
    }
    ModelVersionId[] teacherAndParent = ledger.teacherAndParent(configuration.teacherId());
    TrainingRunId run = ledger.create(trigger, settings, teacherAndParent[0], teacherAndParent[1]);
    Properties parameters = new Properties();
    parameters.setProperty("runId", Long.toString(run.value()));
    try {
      long execution = operator().start(FROSTER_TRAIN, parameters);
      ledger.attach(run, execution);
      LOG.info("Started " + run + " by " + trigger + " as execution " + execution);
    } catch (RuntimeException notStarted) {
      ledger.failed(run, "the job could not start: " + notStarted.getMessage());
      throw notStarted;
    }
    return run.value();
  }

  @Override
  public List<TrainingRunDetails> list(int limit) {
    if (limit < 1 || limit > 1000) {
      throw new InvalidTrainingRequestException("limit must lie in [1, 1000], was " + limit);
    }
    List<TrainingRunDetails> details = new ArrayList<>();
    for (TrainingRunDetails run : ledger.list(limit)) {
      details.add(details(new TrainingRunId(run.id())));
    }
    return details;
  }

  @Override
  public TrainingRunDetails details(TrainingRunId id) {
    String status = batchStatus(id);
    ledger.reconcile(id, status);
    return ledger.details(id, status);
  }

  @Override
  public void stop(TrainingRunId id) {
    TrainingRunDetails run = ledger.details(id, null);
    if (!"running".equals(run.status()) || run.jobExecutionId() == null) {
      throw new StateConflictException(id + " is " + run.status() + ", not running");
    }
    try {
      operator().stop(run.jobExecutionId());
      LOG.info("Stopping " + id + " (execution " + run.jobExecutionId() + ")");
    } catch (JobExecutionNotRunningException | NoSuchJobExecutionException finished) {
      ledger.reconcile(id, batchStatus(id));
      throw new StateConflictException(id + "'s job execution is not running");
    }
  }

  @Override
  public long restart(TrainingRunId id) {
    TrainingRunDetails run = details(id);
    if (run.jobExecutionId() == null) {
      throw new StateConflictException(id + " never started a job execution");
    }
    ledger.restarting(id, run.jobExecutionId());
    try {
      JobOperator operator = operator();
      long execution =
          operator.restart(run.jobExecutionId(), operator.getParameters(run.jobExecutionId()));
      ledger.attach(id, execution);
      LOG.info("Restarted " + id + " as execution " + execution);
      return execution;
    } catch (RuntimeException notRestarted) {
      ledger.failed(id, "the job could not restart: " + notRestarted.getMessage());
      throw new StateConflictException(id + " cannot be restarted: " + notRestarted.getMessage());
    }
  }

  @Override
  public void abandon(TrainingRunId id) {
    TrainingRunDetails run = details(id);
    ledger.abandoned(id);
    if (run.jobExecutionId() != null) {
      try {
        operator().abandon(run.jobExecutionId());
      } catch (RuntimeException alreadyOver) {
        LOG.info(id + ": job execution " + run.jobExecutionId() + " not abandoned: " + alreadyOver);
      }
    }
  }

  @Override
  public TrainingDatasetDetails registerDataset(String name, String path) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new InvalidTrainingRequestException("name is required (at most 200 characters)");
    }
    if (ledger.datasetNameTaken(name)) {
      throw new InvalidTrainingRequestException("a dataset named '" + name + "' exists already");
    }
    Path folder = insideRoots(path);
    ActionDataset dataset;
    try {
      dataset = ActionDatasetReader.read(folder);
      requireExamplesPerClass(dataset);
    } catch (IOException | IllegalArgumentException unusable) {
      throw new InvalidTrainingRequestException("path: " + unusable.getMessage());
    }
    return ledger.registerDataset(name, folder, dataset.classes().size(), dataset.videos().size());
  }

  @Override
  public List<TrainingDatasetDetails> datasets() {
    List<TrainingDatasetDetails> details = new ArrayList<>();
    for (TrainingDataset dataset : ledger.datasets()) {
      details.add(
          new TrainingDatasetDetails(
              dataset.id(), dataset.name(), dataset.path(), -1, -1, dataset.createdAt()));
    }
    return details;
  }

  /** The dataset folder's real path; it must lie under the datasets root or an ingest root. */
  private Path insideRoots(String path) {
    if (path == null || path.isBlank()) {
      throw new InvalidTrainingRequestException("path is required");
    }
    Path root = configuration.datasetsRoot();
    Path real;
    try {
      real = root.resolve(path).normalize().toRealPath();
    } catch (IOException missing) {
      throw new InvalidTrainingRequestException(
          "path " + path + " does not exist (relative paths are under " + root + ")");
    }
    IngestRoots ingestRoots = ingest.roots();
    boolean underDatasets;
    try {
      underDatasets = Files.isDirectory(root) && real.startsWith(root.toRealPath());
    } catch (IOException unreadable) {
      underDatasets = false;
    }
    if (!underDatasets && !ingestRoots.contains(real)) {
      throw new InvalidTrainingRequestException(
          "path " + path + " lies outside the datasets root " + root + " and the ingest roots");
    }
    if (!Files.isDirectory(real)) {
      throw new InvalidTrainingRequestException("path " + path + " is not a folder");
    }
    return real;
  }

  /**
   * The batch status of the run's job execution; {@code UNKNOWN} when the execution no longer
   * exists or belongs to another job (an in-memory job repository forgets executions when the
   * server restarts), null while the run has none yet.
   */
  private String batchStatus(TrainingRunId id) {
    Long execution = ledger.details(id, null).jobExecutionId();
    if (execution == null) {
      return null;
    }
    try {
      JobExecution found = operator().getJobExecution(execution);
      String runId =
          found.getJobParameters() == null ? null : found.getJobParameters().getProperty("runId");
      if (!FROSTER_TRAIN.equals(found.getJobName()) || !Long.toString(id.value()).equals(runId)) {
        return UNKNOWN;
      }
      return found.getBatchStatus().name();
    } catch (NoSuchJobExecutionException | JobSecurityException unknown) {
      return UNKNOWN;
    }
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }

  /** A class without examples is refused at registration, not when a run assembles its data. */
  private static void requireExamplesPerClass(ActionDataset dataset) {
    Set<Integer> used = new HashSet<>();
    dataset.videos().forEach(v -> used.add(v.classId()));
    for (ActionClass c : dataset.classes()) {
      if (!used.contains(c.id())) {
        throw new InvalidTrainingSetException(
            "class '" + c.name() + "' of dataset " + dataset.root() + " has no examples");
      }
    }
  }
}
