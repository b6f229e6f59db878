package dev.froster.domain.model.asset;

import java.util.List;
import java.util.Optional;

/** Stores and finds media assets. */
public interface MediaAssetRepository {

  Optional<MediaAsset> find(AssetId id);

  /**
   * The asset, its row locked until the transaction ends: two executions storing the same asset
   * meet here, and the second sees what the first stored.
   */
  Optional<MediaAsset> findForUpdate(AssetId id);

  Optional<MediaAsset> findByHash(ContentHash hash);

  /** The asset of a collection with that external id, if any. */
  Optional<MediaAsset> findByExternalId(String collection, String externalId);

  void add(MediaAsset asset);

  /** Ids of the assets waiting in {@code registered} with an id above {@code after}, ascending. */
  List<AssetId> registeredAfter(long after);

  boolean anyRegistered();
}
