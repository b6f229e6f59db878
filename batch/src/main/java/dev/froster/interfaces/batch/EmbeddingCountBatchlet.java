package dev.froster.interfaces.batch;

import dev.froster.application.SegmentEmbeddingService;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The one step of {@code embedding-count}: its exit status is {@code EMBEDDINGS=<count>}. */
@Named("embeddingCountBatchlet")
@Dependent
public class EmbeddingCountBatchlet extends AbstractBatchlet {

  @Inject private JobContext job;

  @Inject
  @BatchProperty(name = "modelVersionId")
  private String modelVersionId;

  @EJB private SegmentEmbeddingService embeddings;

  @Override
  public String process() {
    if (modelVersionId == null || !modelVersionId.matches("[1-9][0-9]*")) {
      throw new IllegalArgumentException(
          "job parameter modelVersionId must be a positive number, was " + modelVersionId);
    }
    long count = embeddings.countEmbeddings(new ModelVersionId(Long.parseLong(modelVersionId)));
    job.setExitStatus("EMBEDDINGS=" + count);
    return BatchStatus.COMPLETED.name();
  }
}
