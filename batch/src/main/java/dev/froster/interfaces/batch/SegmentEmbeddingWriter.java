package dev.froster.interfaces.batch;

import dev.froster.application.CatalogueEmbeddingService;
import dev.froster.application.EmbeddedSegments;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Stores a chunk's embeddings in the chunk's transaction (duplicates ignored). */
@Named("segmentEmbeddingWriter")
@Dependent
public class SegmentEmbeddingWriter extends AbstractItemWriter {

  @Inject
  @BatchProperty(name = "modelVersion")
  private String modelVersion;

  @EJB private CatalogueEmbeddingService catalogue;

  @Override
  public void writeItems(List<Object> items) {
    catalogue.store(
        new ModelVersionId(JobParameters.positiveLong("modelVersion", modelVersion)),
        items.stream().map(EmbeddedSegments.class::cast).toList());
  }
}
