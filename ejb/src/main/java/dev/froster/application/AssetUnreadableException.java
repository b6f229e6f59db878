package dev.froster.application;

/**
 * An asset's file cannot be decoded (missing, not a video, truncated): the embed job skips its
 * segments and records the reason on the asset.
 */
public class AssetUnreadableException extends Exception {

  private static final long serialVersionUID = 1L;

  private final long assetId;

  public AssetUnreadableException(long assetId, String reason) {
    super(reason);
    this.assetId = assetId;
  }

  public long assetId() {
    return assetId;
  }
}
