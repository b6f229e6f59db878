package dev.froster.application;

import dev.froster.domain.model.model.ModelVersionId;
import java.util.List;
import java.util.Optional;

/**
 * The steps of the {@code embed-catalog} job: find segments without an embedding, embed them with a
 * model version, store them exactly once, record assets that cannot be read.
 *
 * <p>The catalogue is split into {@code partitions} by asset id modulo the partition count; an
 * empty asset list means the whole catalogue.
 */
public interface CatalogueEmbeddingService {

  /**
   * The next segments (at most {@code maxSegments}, all of one asset) of partition {@code
   * partition} with an id above {@code afterSegmentId} that {@code version} has not embedded, of
   * assets that have not failed; empty when there are none left.
   */
  Optional<AssetSegments> nextPending(
      ModelVersionId version,
      int partitions,
      int partition,
      List<Long> assets,
      long afterSegmentId,
      int maxSegments);

  /**
   * Embeds the segments with the version's model (one decode of the file).
   *
   * @throws AssetUnreadableException when the asset's file cannot be decoded
   */
  EmbeddedSegments embed(ModelVersionId version, AssetSegments asset)
      throws AssetUnreadableException;

  /**
   * Stores the vectors in the caller's transaction, ignoring segments already embedded by the
   * version, and marks assets whose every segment is now embedded by the active version {@code
   * embedded}.
   *
   * @return how many embeddings were new
   */
  int store(ModelVersionId version, List<EmbeddedSegments> embedded);

  /** Marks the asset {@code failed} with the reason, in a transaction of its own. */
  void markFailed(long assetId, String reason);

  EmbeddingProgress progress(ModelVersionId version, List<Long> assets);
}
