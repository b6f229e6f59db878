package dev.froster.interfaces.batch;

import dev.froster.application.ModelPromotion;
import dev.froster.application.TrainingJob;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.training.TrainingRunId;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One step of {@code froster-train} ({@code stage}: assemble, train, evaluate or gate) for the run
 * {@code runId}. A failure is recorded on the run before the step fails. The train stage honours a
 * stop request after its next checkpoint and exits {@code STOPPED}, which stops the job there (a
 * restart resumes training); its progress in steps is the execution's done/total meanwhile.
 */
@Named("trainingStepBatchlet")
@Dependent
public class TrainingStepBatchlet extends AbstractBatchlet {

  /** Who promotes when the gate passes, in the audit trail and logs. */
  static final String GATE_ACTOR = "training-gate";

  @Inject private JobContext job;
  @Inject private JobProgress progress;

  @Inject
  @BatchProperty(name = "runId")
  private String runId;

  @Inject
  @BatchProperty(name = "stage")
  private String stage;

  @EJB private TrainingJob training;
  @Inject private Instance<ModelPromotion> promotion;

  private volatile boolean stopRequested;

  @Override
  public String process() {
    TrainingRunId run = new TrainingRunId(JobParameters.positiveLong("runId", runId));
    long execution = job.getExecutionId();
    try {
      switch (stage) {
        case "assemble" -> training.assemble(run, execution);
        case "train" -> {
          boolean finished;
          try {
            finished =
                training.train(
                    run,
                    (step, total) -> {
                      progress.start(execution, step, total);
                    },
                    () -> stopRequested);
          } finally {
            progress.finish(execution);
          }
          if (!finished) {
            return BatchStatus.STOPPED.name();
          }
        }
        case "evaluate" -> training.evaluateAndRegister(run);
        case "gate" -> training.gate(run, this::promote);
        default -> throw new IllegalArgumentException("unknown froster-train stage " + stage);
      }
    } catch (RuntimeException failure) {
      training.failed(run, stage + ": " + reason(failure));
      throw failure;
    }
    return BatchStatus.COMPLETED.name();
  }

  /** Promotion of a candidate that passed the gate, by the promotion service of this module. */
  private long promote(ModelVersionId candidate) {
    if (promotion.isUnsatisfied()) {
      throw new UnsupportedOperationException(
          "no promotion service is deployed; an administrator promotes");
    }
    return promotion.get().promote(candidate, GATE_ACTOR);
  }

  @Override
  public void stop() {
    stopRequested = true;
  }

  private static String reason(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
