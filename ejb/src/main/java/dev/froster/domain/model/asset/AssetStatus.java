package dev.froster.domain.model.asset;

/** How far ingest has brought an asset; stored lower-case in {@code media_asset.status}. */
public enum AssetStatus {
  REGISTERED,
  PROBED,
  SEGMENTED,
  EMBEDDED,
  FAILED
}
