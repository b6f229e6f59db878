package dev.froster.interfaces.batch;

import dev.froster.application.IncompleteEmbeddingsException;
import dev.froster.application.ModelSwitch;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code reembed} step 3: the switch, one transaction ({@link ModelSwitch#switchTo}). When the
 * candidate's embeddings are incomplete (the active version embedded new segments meanwhile) the
 * step fails with the reason as exit status, the active version stays, and a restart of the
 * execution embeds what is missing and tries again.
 */
@Named("modelSwitchBatchlet")
@Dependent
public class ModelSwitchBatchlet extends AbstractBatchlet {

  @Inject
  @BatchProperty(name = "modelVersion")
  private String modelVersion;

  @Inject
  @BatchProperty(name = "actor")
  private String actor;

  @EJB private ModelSwitch modelSwitch;

  @Inject private JobContext job;

  @Override
  public String process() {
    ModelVersionId target =
        new ModelVersionId(JobParameters.positiveLong("modelVersion", modelVersion));
    try {
      modelSwitch.switchTo(target, actor == null || actor.isBlank() ? "system:reembed" : actor);
    } catch (IncompleteEmbeddingsException incomplete) {
      job.setExitStatus("INCOMPLETE: " + incomplete.getMessage());
      throw incomplete;
    }
    job.setExitStatus("ACTIVE: " + target);
    return BatchStatus.COMPLETED.name();
  }
}
