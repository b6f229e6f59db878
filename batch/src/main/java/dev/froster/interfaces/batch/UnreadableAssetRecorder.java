package dev.froster.interfaces.batch;

import dev.froster.application.IngestProcessing;
import dev.froster.domain.model.asset.AssetId;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Marks a skipped asset {@code failed} with the reason, in its own transaction. */
@Named("unreadableAssetRecorder")
@Dependent
public class UnreadableAssetRecorder implements SkipProcessListener {

  @Inject private JobContext job;
  @Inject private JobProgress progress;
  @EJB private IngestProcessing ingest;

  @Override
  public void onSkipProcessItem(Object item, Exception reason) {
    ingest.recordFailure((AssetId) item, reason.getMessage());
    progress.advance(job.getExecutionId(), 1);
  }
}
