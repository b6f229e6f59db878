package dev.froster.interfaces.batch;

import dev.froster.application.IngestProcessing;
import dev.froster.application.SegmentedAsset;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/** Stores a chunk of segmented assets in the chunk's transaction. */
@Named("segmentedAssetWriter")
@Dependent
public class SegmentedAssetWriter extends AbstractItemWriter {

  @EJB private IngestProcessing ingest;

  @Override
  public void writeItems(List<Object> items) {
    ingest.storeSegmented(items.stream().map(SegmentedAsset.class::cast).toList());
  }
}
