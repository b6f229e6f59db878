package dev.froster.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of moments, nearest first, with the cursor of the next page (null on the last one).
 *
 * @param modelVersionId the version whose embeddings answered
 */
public record SearchPage(List<Moment> moments, String next, long modelVersionId, boolean exact) {

  public SearchPage {
    moments = List.copyOf(moments);
  }

  /**
   * The page's moments grouped by asset: assets in the order of their best moment, each asset's
   * moments in score order. Grouping is per page: an asset may appear again on a later page with
   * moments that scored lower.
   */
  public List<AssetMoments> byAsset() {
    Map<Long, List<Moment>> grouped = new LinkedHashMap<>();
    for (Moment moment : moments) {
      grouped.computeIfAbsent(moment.assetId(), id -> new ArrayList<>()).add(moment);
    }
    return grouped.values().stream()
        .map(
            list ->
                new AssetMoments(
                    list.get(0).assetId(),
                    list.get(0).assetTitle(),
                    list.get(0).collection(),
                    list))
        .toList();
  }
}
