package dev.froster.application;

import java.util.List;

/** The moments of one asset on a page, best first ({@code group=asset}). */
public record AssetMoments(
    long assetId, String assetTitle, String collection, List<Moment> moments) {

  public AssetMoments {
    moments = List.copyOf(moments);
  }

  public double bestScore() {
    return moments.get(0).score();
  }
}
