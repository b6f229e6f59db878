package dev.froster.domain.model.asset;

/** The database identity of a media asset. */
public record AssetId(long value) {

  public AssetId {
    if (value <= 0) {
      throw new IllegalArgumentException("asset id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return "asset " + value;
  }
}
