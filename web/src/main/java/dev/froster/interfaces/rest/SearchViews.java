package dev.froster.interfaces.rest;

import dev.froster.application.AssetMoments;
import dev.froster.application.Moment;
import dev.froster.application.SearchPage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.UriBuilder;

/** JSON of search results. */
final class SearchViews {

  private SearchViews() {}

  /**
   * {@code {"modelVersion", "exact", "count", "moments": [...], "next"}}, or with {@code
   * group=asset} {@code "assets": [{"assetId", "assetTitle", "collection", "bestScore", "moments":
   * [...]}]} instead of {@code moments}. {@code next} is absent on the last page.
   */
  static JsonObject page(SearchPage page, boolean byAsset, UriBuilder base) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("modelVersion", page.modelVersionId())
            .add("exact", page.exact())
            .add("count", page.moments().size());
    if (byAsset) {
      JsonArrayBuilder assets = Json.createArrayBuilder();
      for (AssetMoments asset : page.byAsset()) {
        JsonObjectBuilder entry = Json.createObjectBuilder().add("assetId", asset.assetId());
        addNullable(entry, "assetTitle", asset.assetTitle());
        addNullable(entry, "collection", asset.collection());
        entry.add("bestScore", asset.bestScore()).add("moments", moments(asset, base));
        assets.add(entry);
      }
      json.add("assets", assets);
    } else {
      JsonArrayBuilder moments = Json.createArrayBuilder();
      page.moments().forEach(moment -> moments.add(moment(moment, base)));
      json.add("moments", moments);
    }
    if (page.next() != null) {
      json.add("next", page.next());
    }
    return json.build();
  }

  static JsonObject moment(Moment moment, UriBuilder base) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("assetId", moment.assetId());
    addNullable(json, "assetTitle", moment.assetTitle());
    addNullable(json, "collection", moment.collection());
    return json.add("segmentId", moment.segmentId())
        .add("startMs", moment.startMs())
        .add("endMs", moment.endMs())
        .add("score", moment.score())
        .add(
            "keyframe",
            base.clone()
                .path("segments")
                .path(Long.toString(moment.segmentId()))
                .path("keyframe")
                .build()
                .toString())
        .add(
            "video",
            base.clone()
                .path("assets")
                .path(Long.toString(moment.assetId()))
                .path("video")
                .build()
                .toString())
        .build();
  }

  private static JsonArrayBuilder moments(AssetMoments asset, UriBuilder base) {
    JsonArrayBuilder moments = Json.createArrayBuilder();
    asset.moments().forEach(moment -> moments.add(moment(moment, base)));
    return moments;
  }

  private static void addNullable(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }
}
