package dev.froster.application.internal;

import dev.froster.application.StateConflictException;
import dev.froster.application.TrainingJob;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.training.Accuracies;
import dev.froster.domain.model.training.PromotionGate;
import dev.froster.domain.model.training.TrainingRunId;
import dev.froster.engine.retraining.RetrainingRun;
import dev.froster.infrastructure.training.EngineRetraining;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The {@code froster-train} steps. Engine work (minutes to hours) runs outside any transaction;
 * every record goes through {@link TrainingRunLedger}, a transaction each.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultTrainingJob implements TrainingJob {

  private static final Logger LOG = Logger.getLogger(DefaultTrainingJob.class.getName());

  @EJB private TrainingRunLedger ledger;
  @Inject private EngineRetraining engine;

  @Override
  public void assemble(TrainingRunId run, long executionId) {
    ledger.attach(run, executionId);
    TrainingRunLedger.RunPlan plan = ledger.plan(run);
    try {
      if (!plan.assembled()) {
        // folders of another run with this id (a database created afresh) must not be resumed
        engine.discard(plan.runDirectory());
        engine.discard(plan.candidateBundle());
      }
      JsonObject summary =
          engine.snapshot(
              plan.runDirectory(), ledger.datasetFolders(), ledger.reviewClips(), plan.settings());
      ledger.assembled(run, summary);
      LOG.info(run + " assembled its training set: " + summary);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean train(TrainingRunId run, Progress progress, BooleanSupplier stopRequested) {
    TrainingRunLedger.RunPlan plan = ledger.plan(run);
    try {
      RetrainingRun.Outcome outcome =
          engine.train(
              plan.teacherBundle(),
              plan.runDirectory(),
              plan.settings(),
              plan.candidateBundle(),
              (step, total) -> {
                ledger.progressed(run, step, total);
                progress.reached(step, total);
              },
              stopRequested);
      LOG.info(
          run
              + " trained to step "
              + outcome.step()
              + " of "
              + outcome.total()
              + " (resumed from "
              + outcome.resumedFrom()
              + ")");
      if (!outcome.finished()) {
        ledger.stopped(run);
      }
      return outcome.finished();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void evaluateAndRegister(TrainingRunId run) {
    TrainingRunLedger.RunPlan plan = ledger.plan(run);
    if (plan.candidateId() != null) {
      return; // a restart after registration: evaluated already
    }
    try {
      JsonObject candidate =
          engine.evaluate(plan.runDirectory(), plan.candidateBundle(), plan.settings());
      JsonObject teacher =
          engine.evaluate(plan.runDirectory(), plan.teacherBundle(), plan.settings());
      JsonObjectBuilder metrics =
          Json.createObjectBuilder()
              .add("candidate", candidate)
              .add("teacher", withVersion(teacher, plan.teacherId()));
      Optional<TrainingRunLedger.ModelVersionDetailsForEvaluation> active = ledger.active();
      if (active.isPresent()) {
        JsonObject activeFigures =
            active.get().id() == plan.teacherId()
                ? teacher
                : engine.evaluate(plan.runDirectory(), active.get().bundle(), plan.settings());
        metrics.add("active", withVersion(activeFigures, active.get().id()));
      } else {
        metrics.add("active", JsonValue.NULL);
      }
      ledger.registerCandidate(
          run, plan.candidateBundle(), metrics.build(), engine.curves(plan.runDirectory()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void gate(TrainingRunId run, Promoter promoter) {
    TrainingRunLedger.RunPlan plan = ledger.plan(run);
    JsonObject metrics = ledger.metrics(run);
    PromotionGate gate =
        new PromotionGate(
            plan.settings().getJsonNumber("novelMargin").doubleValue(),
            plan.settings().getJsonNumber("hmTolerance").doubleValue());
    PromotionGate.Verdict verdict =
        gate.judge(
            accuracies(metrics.getJsonObject("candidate")),
            metrics.isNull("active") ? null : accuracies(metrics.getJsonObject("active")),
            accuracies(metrics.getJsonObject("teacher")));
    JsonObjectBuilder record =
        Json.createObjectBuilder()
            .add("promote", verdict.promote())
            .add("reason", verdict.reason())
            .add("novelMargin", gate.novelMargin())
            .add("hmTolerance", gate.hmTolerance());
    if (verdict.promote()) {
      record.add("promotion", promote(promoter, new ModelVersionId(plan.candidateId())));
    }
    ledger.completed(run, record.build());
  }

  /** Hands the candidate to promotion; what happened, for the run's record. */
  private static JsonObject promote(Promoter promoter, ModelVersionId candidate) {
    try {
      long execution = promoter.promote(candidate);
      return Json.createObjectBuilder()
          .add("started", true)
          .add("reembedExecutionId", execution)
          .build();
    } catch (StateConflictException | UnsupportedOperationException refused) {
      return Json.createObjectBuilder()
          .add("started", false)
          .add("reason", String.valueOf(refused.getMessage()))
          .build();
    }
  }

  @Override
  public void failed(TrainingRunId run, String reason) {
    ledger.failed(run, reason);
  }

  @Override
  public void stopped(TrainingRunId run) {
    ledger.stopped(run);
  }

  private static JsonObject withVersion(JsonObject figures, long versionId) {
    return Json.createObjectBuilder(figures).add("versionId", versionId).build();
  }

  private static Accuracies accuracies(JsonObject figures) {
    return new Accuracies(
        figures.getJsonNumber("base").doubleValue(), figures.getJsonNumber("novel").doubleValue());
  }
}
