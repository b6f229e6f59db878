package dev.froster.application.internal;

import dev.froster.application.InvalidModelBundleException;
import dev.froster.application.StateConflictException;
import dev.froster.application.TrainingDatasetDetails;
import dev.froster.application.TrainingRunDetails;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.model.ModelVersionRepository;
import dev.froster.domain.model.training.TrainingDataset;
import dev.froster.domain.model.training.TrainingDatasetRepository;
import dev.froster.domain.model.training.TrainingRun;
import dev.froster.domain.model.training.TrainingRunId;
import dev.froster.domain.model.training.TrainingRunRepository;
import dev.froster.engine.retraining.LabelledClip;
import dev.froster.infrastructure.inference.BundleFacts;
import dev.froster.infrastructure.inference.EngineVideoEmbedder;
import dev.froster.infrastructure.training.ReviewClips;
import dev.froster.infrastructure.training.TrainingConfiguration;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The training runs' records, each change in a transaction of its own (the job's engine work runs
 * outside transactions and reports here between its stages).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TrainingRunLedger {

  private static final Logger LOG = Logger.getLogger(TrainingRunLedger.class.getName());

  /** What the job's steps need to know about their run. */
  public record RunPlan(
      TrainingRunId id,
      Path runDirectory,
      Path teacherBundle,
      long teacherId,
      Path candidateBundle,
      JsonObject settings,
      Long candidateId,
      boolean assembled) {}

  @Inject private TrainingRunRepository runs;
  @Inject private TrainingDatasetRepository datasets;
  @Inject private ModelVersionRepository versions;
  @Inject private TrainingConfiguration configuration;
  @Inject private ReviewClips reviewClips;

  /**
   * Records a new running run.
   *
   * @throws StateConflictException when another run is running (the single-running index)
   */
  public TrainingRunId create(
      String trigger, JsonObject settings, ModelVersionId teacher, ModelVersionId parent) {
    if (runs.running().isPresent()) {
      throw new StateConflictException(
          runs.running().get() + " is running: at most one training run at a time");
    }
    TrainingRun run =
        new TrainingRun(
            trigger,
            version(teacher),
            parent == null ? null : version(parent),
            settings.toString());
    try {
      runs.add(run);
      runs.flush();
    } catch (PersistenceException concurrent) {
      throw new StateConflictException("another training run started at the same moment");
    }
    return run.id();
  }

  /**
   * The teacher of a new run (the configured version, else the active version's teacher, else the
   * latest base version, else the active version itself) and its parent (the active version).
   *
   * @throws StateConflictException when there is no teacher
   */
  public ModelVersionId[] teacherAndParent(Long configuredTeacher) {
    Optional<ModelVersion> active = versions.active();
    ModelVersion teacher;
    if (configuredTeacher != null) {
      teacher =
          versions
              .find(new ModelVersionId(configuredTeacher))
              .orElseThrow(
                  () ->
                      new StateConflictException(
                          "froster.training.teacher names model version "
                              + configuredTeacher
                              + ", which does not exist"));
    } else if (active.isPresent() && active.get().teacher() != null) {
      teacher = active.get().teacher();
    } else {
      teacher =
          versions
              .latestBase()
              .or(() -> active)
              .orElseThrow(
                  () ->
                      new StateConflictException(
                          "no teacher: import a CLIP checkpoint (POST /models/imports) or"
                              + " activate a version"));
    }
    return new ModelVersionId[] {teacher.id(), active.map(ModelVersion::id).orElse(null)};
  }

  public void attach(TrainingRunId id, long executionId) {
    run(id).runsAs(executionId, runDirectory(id).toString());
  }

  public RunPlan plan(TrainingRunId id) {
    TrainingRun run = run(id);
    return new RunPlan(
        id,
        runDirectory(id),
        Path.of(run.teacher().bundlePath()),
        run.teacher().id().value(),
        configuration.candidateBundle(id.value()),
        parse(run.settingsJson()),
        run.candidate() == null ? null : run.candidate().id().value(),
        !parse(run.datasetSummaryJson()).isEmpty());
  }

  /** The registered datasets' folders. */
  public List<Path> datasetFolders() {
    return datasets.list().stream().map(d -> Path.of(d.path())).toList();
  }

  /** Every labelled moment of the review queue. */
  public List<LabelledClip> reviewClips() {
    return reviewClips.all();
  }

  /** Whether anything at all could be trained on. */
  public boolean anyExamples() {
    return !datasets.list().isEmpty() || reviewClips.any();
  }

  public void assembled(TrainingRunId id, JsonObject summary) {
    run(id).assembled(summary.toString());
  }

  public void progressed(TrainingRunId id, long step, long total) {
    run(id).progressed(step, total);
  }

  /** The active version's bundle now, if one is active: (id, bundle folder). */
  public Optional<ModelVersionDetailsForEvaluation> active() {
    return versions
        .active()
        .map(v -> new ModelVersionDetailsForEvaluation(v.id().value(), Path.of(v.bundlePath())));
  }

  /** A version to evaluate: its id and bundle. */
  public record ModelVersionDetailsForEvaluation(long id, Path bundle) {}

  /** Registers the run's bundle as a candidate; returns it (the existing one on a restart). */
  public ModelVersionId registerCandidate(
      TrainingRunId id, Path bundle, JsonObject metrics, JsonObject curves) {
    TrainingRun run = run(id);
    if (run.candidate() != null) {
      return run.candidate().id();
    }
    BundleFacts facts;
    try {
      facts = EngineVideoEmbedder.readFacts(bundle);
    } catch (IOException unusable) {
      throw new InvalidModelBundleException("candidate bundle: " + unusable.getMessage());
    }
    JsonObject trainingConfig =
        Json.createObjectBuilder()
            .add("run", id.value())
            .add("settings", parse(run.settingsJson()))
            .add("dataset", parse(run.datasetSummaryJson()))
            .add("teacherId", run.teacher().id().value())
            .build();
    JsonObject versionMetrics =
        Json.createObjectBuilder(metrics.getJsonObject("candidate")).add("curves", curves).build();
    ModelVersion candidate =
        ModelVersion.trainedCandidate(
            "froster-run-" + id.value(),
            bundle.toString(),
            facts.weightsSha256(),
            facts.dimension(),
            versions.active().orElse(run.parent()),
            run.teacher(),
            trainingConfig.toString(),
            versionMetrics.toString());
    versions.add(candidate);
    versions.flush();
    run.produced(candidate, metrics.toString(), curves.toString());
    LOG.info("Registered " + candidate.id() + " as the candidate of " + id);
    return candidate.id();
  }

  /** The run's evaluation figures and candidate, for the gate. */
  public JsonObject metrics(TrainingRunId id) {
    TrainingRun run = run(id);
    if (run.metricsJson() == null) {
      throw new StateConflictException(id + " has not been evaluated");
    }
    return parse(run.metricsJson());
  }

  public void completed(TrainingRunId id, JsonObject gate) {
    run(id).completed(gate.toString(), Instant.now());
    LOG.info(id + " completed: " + gate);
  }

  public void failed(TrainingRunId id, String reason) {
    run(id).failed(reason, Instant.now());
    LOG.warning(id + " failed: " + reason);
  }

  public void stopped(TrainingRunId id) {
    run(id).stopped(Instant.now());
    LOG.info(id + " stopped");
  }

  /**
   * Marks a stopped or failed run running again (before its job restarts).
   *
   * @throws StateConflictException when it cannot restart or another run is running
   */
  public void restarting(TrainingRunId id, long previousExecution) {
    TrainingRun run = run(id);
    Optional<TrainingRun> other = runs.running();
    if (other.isPresent() && !other.get().id().equals(id)) {
      throw new StateConflictException(
          other.get() + " is running: at most one training run at a time");
    }
    try {
      run.restarted(previousExecution);
      runs.flush();
    } catch (IllegalStateException notRestartable) {
      throw new StateConflictException(notRestartable.getMessage());
    } catch (PersistenceException concurrent) {
      throw new StateConflictException("another training run started at the same moment");
    }
  }

  public void abandoned(TrainingRunId id) {
    try {
      run(id).abandoned(Instant.now());
    } catch (IllegalStateException notAbandonable) {
      throw new StateConflictException(notAbandonable.getMessage());
    }
  }

  /**
   * Brings a run that is recorded running in line with its job execution when that has ended
   * without telling (stopped between steps, crashed, abandoned).
   */
  public void reconcile(TrainingRunId id, String batchStatus) {
    TrainingRun run = run(id);
    if (run.status() != dev.froster.domain.model.training.TrainingRunStatus.RUNNING
        || batchStatus == null) {
      return;
    }
    switch (batchStatus) {
      case "STOPPED" -> run.stopped(Instant.now());
      case "FAILED", "ABANDONED" -> run.failed("job execution ended " + batchStatus, Instant.now());
      case "UNKNOWN" ->
          run.failed(
              "job execution "
                  + run.jobExecutionId()
                  + " is unknown to the job repository (the server restarted with an in-memory"
                  + " repository); restart the run",
              Instant.now());
      default -> {
        // still running or completed: the job's own steps record the outcome
      }
    }
  }

  public Optional<TrainingRunId> running() {
    return runs.running().map(TrainingRun::id);
  }

  public TrainingRunDetails details(TrainingRunId id, String batchStatus) {
    return details(run(id), batchStatus);
  }

  /** Runs, newest first, with their batch status left null (the caller asks the job operator). */
  public List<TrainingRunDetails> list(int limit) {
    return runs.list(limit).stream().map(run -> details(run, null)).toList();
  }

  public TrainingDatasetDetails registerDataset(String name, Path folder, int classes, int videos) {
    TrainingDataset dataset = new TrainingDataset(name, folder.toString());
    datasets.add(dataset);
    return new TrainingDatasetDetails(
        dataset.id(), dataset.name(), dataset.path(), classes, videos, dataset.createdAt());
  }

  public boolean datasetNameTaken(String name) {
    return datasets.nameTaken(name);
  }

  public List<TrainingDataset> datasets() {
    return datasets.list();
  }

  static TrainingRunDetails details(TrainingRun run, String batchStatus) {
    return new TrainingRunDetails(
        run.id().value(),
        run.trigger(),
        run.status().name().toLowerCase(Locale.ROOT),
        run.jobExecutionId(),
        batchStatus,
        run.step(),
        run.totalSteps(),
        run.teacher() == null ? null : run.teacher().id().value(),
        run.parent() == null ? null : run.parent().id().value(),
        run.candidate() == null ? null : run.candidate().id().value(),
        run.settingsJson(),
        run.datasetSummaryJson(),
        run.metricsJson(),
        run.gateJson(),
        run.failureReason(),
        run.startedAt(),
        run.endedAt());
  }

  private Path runDirectory(TrainingRunId id) {
    return configuration.trainingRoot().resolve("run-" + id.value());
  }

  private TrainingRun run(TrainingRunId id) {
    return runs.find(id).orElseThrow(() -> new UnknownEntityException(id));
  }

  private ModelVersion version(ModelVersionId id) {
    return versions.find(id).orElseThrow(() -> new UnknownEntityException(id));
  }

  static JsonObject parse(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }
}
