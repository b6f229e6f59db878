package dev.froster.interfaces.batch;

import dev.froster.application.AssetSegments;
import dev.froster.application.CatalogueEmbeddingService;
import dev.froster.domain.model.model.ModelVersionId;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads, for one partition, the segments the model version has not embedded yet, grouped by asset
 * ({@link AssetSegments}); the checkpoint is the last segment id read. Each read asks the database,
 * so segments embedded by an earlier (stopped or failed) execution are never read again.
 */
@Named("pendingSegmentReader")
@Dependent
public class PendingSegmentReader extends AbstractItemReader {

  /** Segments per item when the job does not say: one decode serves up to this many. */
  static final int DEFAULT_SEGMENTS_PER_ITEM = 4;

  private static final Logger LOG = Logger.getLogger(PendingSegmentReader.class.getName());

  @Inject
  @BatchProperty(name = "modelVersion")
  private String modelVersion;

  @Inject
  @BatchProperty(name = "assets")
  private String assets;

  @Inject
  @BatchProperty(name = "segmentsPerItem")
  private String segmentsPerItem;

  @Inject
  @BatchProperty(name = "partitions")
  private String partitions;

  @Inject
  @BatchProperty(name = "partition")
  private String partition;

  @EJB private CatalogueEmbeddingService catalogue;

  @Inject private JobContext job;

  @Inject private StepContext step;

  private ModelVersionId version;
  private List<Long> assetIds;
  private int partitionCount;
  private int partitionIndex;
  private int maxSegments;
  private long lastSegmentId;

  @Override
  public void open(Serializable checkpoint) {
    version = new ModelVersionId(JobParameters.positiveLong("modelVersion", modelVersion));
    assetIds = JobParameters.ids("assets", assets);
    partitionCount = JobParameters.positiveInt("partitions", partitions);
    partitionIndex = JobParameters.nonNegativeInt("partition", partition);
    maxSegments =
        segmentsPerItem == null || segmentsPerItem.isBlank()
            ? DEFAULT_SEGMENTS_PER_ITEM
            : JobParameters.positiveInt("segmentsPerItem", segmentsPerItem);
    lastSegmentId = checkpoint == null ? 0 : (Long) checkpoint;
  }

  @Override
  public Object readItem() {
    long start = System.nanoTime();
    Optional<AssetSegments> next =
        catalogue.nextPending(
            version, partitionCount, partitionIndex, assetIds, lastSegmentId, maxSegments);
    EmbeddingStageTimes.of(step).addRead(System.nanoTime() - start);
    next.ifPresent(item -> lastSegmentId = item.lastSegmentId());
    return next.orElse(null);
  }

  @Override
  public Serializable checkpointInfo() {
    return lastSegmentId;
  }

  /** Called when the partition ends, however it ends: reports where its time went. */
  @Override
  public void close() {
    EmbeddingStageTimes times = EmbeddingStageTimes.of(step);
    LOG.info(
        () ->
            "embed-catalog execution "
                + job.getExecutionId()
                + " partition "
                + partitionIndex
                + ": "
                + times.summary());
  }
}
