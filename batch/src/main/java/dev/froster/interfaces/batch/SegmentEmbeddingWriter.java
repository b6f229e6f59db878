package dev.froster.interfaces.batch;

import dev.froster.application.CatalogueEmbeddingService;
import dev.froster.application.EmbeddedSegments;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
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

  @Inject private StepContext step;

  @Override
  public void writeItems(List<Object> items) {
    long start = System.nanoTime();
    List<EmbeddedSegments> embedded = items.stream().map(EmbeddedSegments.class::cast).toList();
    catalogue.store(
        new ModelVersionId(JobParameters.positiveLong("modelVersion", modelVersion)), embedded);
    int segments = embedded.stream().mapToInt(e -> e.vectors().size()).sum();
    EmbeddingStageTimes.of(step).addWrite(System.nanoTime() - start, segments);
  }
}
