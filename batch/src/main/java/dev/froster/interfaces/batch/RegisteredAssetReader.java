package dev.froster.interfaces.batch;

import dev.froster.application.IngestProcessing;
import dev.froster.domain.model.asset.AssetId;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the ids of the assets in {@code registered} once, when the step opens. The checkpoint is
 * the last asset id handed out together with the count done: a restart reads the assets still
 * registered above that id, so nothing is read twice or missed.
 */
@Named("registeredAssetReader")
@Dependent
public class RegisteredAssetReader extends AbstractItemReader {

  /** Where the reader stands: assets up to {@code lastAssetId} are handled. */
  record Position(long lastAssetId, long done) implements Serializable {}

  @Inject private JobContext job;
  @Inject private JobProgress progress;
  @EJB private IngestProcessing ingest;

  private Iterator<AssetId> pending;
  private Position position;

  @Override
  public void open(Serializable checkpoint) {
    position = checkpoint instanceof Position restart ? restart : new Position(0, 0);
    List<AssetId> ids = ingest.registeredAfter(position.lastAssetId());
    pending = ids.iterator();
    progress.start(job.getExecutionId(), position.done(), position.done() + ids.size());
  }

  @Override
  public AssetId readItem() {
    if (!pending.hasNext()) {
      return null;
    }
    AssetId next = pending.next();
    position = new Position(next.value(), position.done() + 1);
    return next;
  }

  @Override
  public Serializable checkpointInfo() {
    return position;
  }

  @Override
  public void close() {
    progress.finish(job.getExecutionId());
  }
}
