package dev.froster.interfaces.rest;

import dev.froster.application.AssetTag;
import dev.froster.application.AuditRecord;
import dev.froster.application.DecidedTag;
import dev.froster.application.LabelledExample;
import dev.froster.application.ReviewItem;
import dev.froster.application.RunnerUp;
import dev.froster.domain.model.segment.TimeRange;
import dev.froster.domain.model.tag.TermRef;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.UriBuilder;
import java.io.StringReader;
import java.util.Locale;

/** The JSON of review items, decisions, asset tags, labelled examples and audit entries. */
final class ReviewViews {

  private ReviewViews() {}

  static JsonObject item(ReviewItem item, UriBuilder base) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", item.id().value())
            .add("status", word(item.status()))
            .add("source", word(item.source()))
            .add(
                "asset",
                withOptional(
                        Json.createObjectBuilder().add("id", item.assetId()),
                        "title",
                        item.assetTitle())
                    .add(
                        "href",
                        base.clone()
                            .path("assets")
                            .path(Long.toString(item.assetId()))
                            .build()
                            .toString())
                    .add(
                        "videoUrl",
                        base.clone()
                            .path("assets")
                            .path(Long.toString(item.assetId()))
                            .path("video")
                            .build()
                            .toString()));
    if (item.segmentId() != null) {
      json.add("segmentId", item.segmentId());
      if (item.hasKeyframe()) {
        json.add(
            "keyframeUrl",
            base.clone()
                .path("segments")
                .path(Long.toString(item.segmentId()))
                .path("keyframe")
                .build()
                .toString());
      }
    }
    range(json, item.range());
    json.add("term", term(item.term()));
    confidence(json, "confidence", item.confidence());
    JsonArrayBuilder runnersUp = Json.createArrayBuilder();
    for (RunnerUp runnerUp : item.runnersUp()) {
      runnersUp.add(
          Json.createObjectBuilder()
              .add("term", term(runnerUp.term()))
              .add("confidence", new java.math.BigDecimal(Float.toString(runnerUp.confidence()))));
    }
    return json.add("runnersUp", runnersUp).add("createdAt", item.createdAt().toString()).build();
  }

  static JsonObject decided(DecidedTag decided) {
    return Json.createObjectBuilder()
        .add("tagId", decided.tag().value())
        .add("decision", decided.decision().word())
        .add("status", word(decided.status()))
        .add("termBefore", term(decided.termBefore()))
        .add("termAfter", term(decided.termAfter()))
        .add("reviewer", decided.reviewer())
        .add("decidedAt", decided.decidedAt().toString())
        .build();
  }

  static JsonObject assetTag(AssetTag tag) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("term", term(tag.term()))
            .add("status", word(tag.status()))
            .add("segmentTags", tag.segmentTags())
            .add("wholeAsset", tag.wholeAsset());
    confidence(json, "maxConfidence", tag.maxConfidence());
    confidence(json, "meanConfidence", tag.meanConfidence());
    JsonArrayBuilder ranges = Json.createArrayBuilder();
    for (TimeRange range : tag.ranges()) {
      ranges.add(
          Json.createObjectBuilder().add("startMs", range.startMs()).add("endMs", range.endMs()));
    }
    return json.add("ranges", ranges).build();
  }

  static JsonObject example(LabelledExample example) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("decisionId", example.decisionId())
            .add("assetId", example.assetId());
    if (example.segmentId() != null) {
      json.add("segmentId", example.segmentId());
    }
    range(json, example.range());
    return json.add("term", term(example.term()))
        .add("decision", example.decision().word())
        .add("decidedBy", example.decidedBy())
        .add("decidedAt", example.decidedAt().toString())
        .build();
  }

  static JsonObject auditEntry(AuditRecord entry) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", entry.id())
            .add("actor", entry.actor())
            .add("action", entry.action())
            .add("entityType", entry.entityType());
    withOptional(json, "entityId", entry.entityId());
    return json.add("before", document(entry.beforeJson()))
        .add("after", document(entry.afterJson()))
        .add("at", entry.at().toString())
        .build();
  }

  static JsonObject term(TermRef term) {
    return Json.createObjectBuilder()
        .add("id", term.id())
        .add("label", term.label())
        .add(
            "vocabulary",
            Json.createObjectBuilder()
                .add("id", term.vocabularyId())
                .add("name", term.vocabularyName()))
        .build();
  }

  private static JsonValue document(String json) {
    return json == null ? JsonValue.NULL : Json.createReader(new StringReader(json)).readValue();
  }

  private static void range(JsonObjectBuilder json, TimeRange range) {
    if (range != null) {
      json.add("startMs", range.startMs()).add("endMs", range.endMs());
    }
  }

  private static void confidence(JsonObjectBuilder json, String name, Float value) {
    if (value != null) {
      // Through the float's decimal text, so 0.7f is shown as 0.7 and not 0.699999988079071.
      json.add(name, new java.math.BigDecimal(Float.toString(value)));
    }
  }

  private static JsonObjectBuilder withOptional(JsonObjectBuilder json, String name, String value) {
    return value == null ? json : json.add(name, value);
  }

  private static String word(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
