package dev.froster.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchPageTest {

  @Test
  void groupingByAssetKeepsAssetsInOrderOfTheirBestMomentAndMomentsInScoreOrder() {
    List<Moment> moments =
        List.of(
            new Moment(2, "b", null, 20, 0, 2000, 0.1),
            new Moment(1, "a", "news", 10, 0, 2000, 0.2),
            new Moment(2, "b", null, 21, 1000, 3000, 0.3),
            new Moment(1, "a", "news", 11, 1000, 3000, 0.4));

    List<AssetMoments> assets = new SearchPage(moments, null, 1, false).byAsset();

    assertEquals(List.of(2L, 1L), assets.stream().map(AssetMoments::assetId).toList());
    assertEquals(
        List.of(20L, 21L), assets.get(0).moments().stream().map(Moment::segmentId).toList());
    assertEquals(0.9, assets.get(0).bestScore(), 1e-12);
  }
}
