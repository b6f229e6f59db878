package dev.froster.interfaces.batch;

import dev.froster.application.IngestProcessing;
import dev.froster.application.SegmentedAsset;
import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.asset.UnreadableMediaException;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Probes and segments one asset. An unreadable file throws {@link UnreadableMediaException}, which
 * the job skips (see {@link UnreadableAssetRecorder}).
 */
@Named("assetSegmentingProcessor")
@Dependent
public class AssetSegmentingProcessor implements ItemProcessor {

  @Inject private JobContext job;
  @Inject private JobProgress progress;
  @EJB private IngestProcessing ingest;

  @Override
  public SegmentedAsset processItem(Object item) throws UnreadableMediaException {
    SegmentedAsset segmented = ingest.segment((AssetId) item);
    progress.advance(job.getExecutionId(), 1);
    return segmented;
  }
}
