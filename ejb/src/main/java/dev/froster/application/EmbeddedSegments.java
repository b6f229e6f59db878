package dev.froster.application;

import java.util.List;

/** The vectors computed for an {@link AssetSegments}, in the same order as its segments. */
public record EmbeddedSegments(AssetSegments asset, List<float[]> vectors) {

  public EmbeddedSegments {
    if (vectors.size() != asset.segments().size()) {
      throw new IllegalArgumentException(
          "asset "
              + asset.assetId()
              + ": "
              + vectors.size()
              + " vectors for "
              + asset.segments().size()
              + " segments");
    }
  }
}
