package dev.froster.interfaces.rest;

import dev.froster.application.AssetDetails;
import dev.froster.application.AssetIngestService.Registration;
import dev.froster.domain.model.asset.AssetStatus;
import dev.froster.domain.model.asset.ProbeFacts;
import dev.froster.domain.model.segment.SegmentSummary;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.UriBuilder;
import java.io.StringReader;
import java.util.Locale;

/** The JSON an asset is shown as. */
final class AssetViews {

  private AssetViews() {}

  static JsonObject registration(Registration registration) {
    return Json.createObjectBuilder()
        .add("id", registration.id().value())
        .add("status", word(registration.status()))
        .add("duplicate", registration.duplicate())
        .build();
  }

  static JsonObject details(AssetDetails asset, UriBuilder base) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", asset.id().value())
            .add("sourceUri", asset.sourceUri())
            .add("sha256", asset.sha256());
    optional(json, "title", asset.title());
    optional(json, "collection", asset.collection());
    optional(json, "externalId", asset.externalId());
    json.add("metadata", Json.createReader(new StringReader(asset.metadataJson())).readObject())
        .add("status", word(asset.status()));
    optional(json, "failureReason", asset.failureReason());
    json.add("probe", asset.probe() == null ? JsonValue.NULL : probe(asset.probe()))
        .add("ingestedAt", asset.ingestedAt().toString());
    JsonArrayBuilder segments = Json.createArrayBuilder();
    for (SegmentSummary segment : asset.segments()) {
      JsonObjectBuilder view =
          Json.createObjectBuilder()
              .add("id", segment.id().value())
              .add("startMs", segment.range().startMs())
              .add("endMs", segment.range().endMs());
      if (segment.hasKeyframe()) {
        view.add(
            "keyframe",
            base.clone()
                .path("segments")
                .path(Long.toString(segment.id().value()))
                .path("keyframe")
                .build()
                .toString());
      }
      segments.add(view);
    }
    return json.add("segments", segments).build();
  }

  private static JsonObject probe(ProbeFacts facts) {
    return Json.createReader(new StringReader(facts.toJson())).readObject();
  }

  private static String word(AssetStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  private static void optional(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }
}
