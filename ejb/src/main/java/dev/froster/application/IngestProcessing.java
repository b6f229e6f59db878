package dev.froster.application;

import dev.froster.domain.model.asset.AssetId;
import dev.froster.domain.model.asset.UnreadableMediaException;
import java.util.List;

/**
 * The steps of the {@code ingest-assets} job: which assets wait, probe and segment one, store a
 * chunk of results, record a failure.
 */
public interface IngestProcessing {

  /** Assets in {@code registered} with an id above {@code afterId}, ascending. */
  List<AssetId> registeredAfter(long afterId);

  boolean anyRegistered();

  /**
   * Probes and segments an asset's file (no transaction: decoding may take long).
   *
   * @throws UnreadableMediaException when the file is missing, unreadable or not decodable; the
   *     message is the reason to record
   */
  SegmentedAsset segment(AssetId id) throws UnreadableMediaException;

  /**
   * Stores segments, keyframes and probe facts and marks the assets {@code segmented}, in the
   * caller's transaction (the job's chunk). Assets no longer {@code registered} are left alone.
   */
  void storeSegmented(List<SegmentedAsset> assets);

  /** Marks the asset {@code failed} with the reason, in a transaction of its own. */
  void recordFailure(AssetId id, String reason);
}
