package dev.froster.interfaces.batch;

import dev.froster.application.ModelSwitch;
import dev.froster.domain.model.model.EmbeddingCoverage;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code reembed} step 2: the candidate's term embeddings (every vocabulary) and HNSW index. */
@Named("reembedPreparation")
@Dependent
public class ReembedPreparation extends AbstractBatchlet {

  @Inject
  @BatchProperty(name = "modelVersion")
  private String modelVersion;

  @EJB private ModelSwitch modelSwitch;

  @Inject private JobContext job;

  @Override
  public String process() {
    EmbeddingCoverage coverage =
        modelSwitch.prepare(
            new ModelVersionId(JobParameters.positiveLong("modelVersion", modelVersion)));
    job.setExitStatus("PREPARED: " + coverage.describe());
    return BatchStatus.COMPLETED.name();
  }
}
