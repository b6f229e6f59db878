package dev.froster.interfaces.batch;

import dev.froster.application.AssetSegments;
import dev.froster.application.AssetUnreadableException;
import dev.froster.application.CatalogueEmbeddingService;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Embeds the segments of one asset with the model version (one decode of its file).
 *
 * <p>The skip policy for bad assets: a file that cannot be decoded marks its asset {@code failed}
 * with the reason, in a transaction of its own (a later rollback of the chunk keeps it), and the
 * item is filtered out; the reader no longer offers the asset's segments and the job goes on. Any
 * other failure (database, model) fails the job, which a restart resumes.
 */
@Named("segmentEmbeddingProcessor")
@Dependent
public class SegmentEmbeddingProcessor implements ItemProcessor {

  @Inject
  @BatchProperty(name = "modelVersion")
  private String modelVersion;

  @EJB private CatalogueEmbeddingService catalogue;

  @Inject private StepContext step;

  @Override
  public Object processItem(Object item) {
    long start = System.nanoTime();
    try {
      return catalogue.embed(
          new ModelVersionId(JobParameters.positiveLong("modelVersion", modelVersion)),
          (AssetSegments) item);
    } catch (AssetUnreadableException unreadable) {
      catalogue.markFailed(unreadable.assetId(), unreadable.getMessage());
      return null;
    } finally {
      EmbeddingStageTimes.of(step).addEmbed(System.nanoTime() - start);
    }
  }
}
