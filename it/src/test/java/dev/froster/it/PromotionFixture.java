package dev.froster.it;

import static dev.froster.it.HttpClientAs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What PromotionIT works with: tiny model versions registered through the API, a small catalogue of
 * generated videos, job and search calls, and the removal of all of it afterwards.
 */
final class PromotionFixture implements AutoCloseable {

  static final String API = "/froster/api/v1";
  static final HttpClientAs ADMIN = HttpClientAs.user("admin");
  static final HttpClientAs ARCHIVIST = HttpClientAs.user("archivist");

  private final List<Long> assets = new ArrayList<>();
  private final List<Long> versions = new ArrayList<>();

  /** A tiny random bundle registered as a candidate; its id. */
  long registerCandidate(String label) throws Exception {
    String name = "promotion-it-" + label + "-" + UUID.randomUUID();
    TinyBundles.write(name, "PromotionFixture");
    HttpResponse<String> registered =
        ADMIN.post(
            API + "/model-versions",
            "{\"name\": \"" + name + "\", \"bundlePath\": \"" + name + "\"}");
    assertEquals(201, registered.statusCode(), registered.body());
    long id = json(registered).asJsonObject().getJsonNumber("id").longValue();
    versions.add(id);
    return id;
  }

  /** Activates a version directly (the immediate switch). */
  void activate(long version) throws Exception {
    HttpResponse<String> activated =
        ADMIN.post(API + "/model-versions/" + version + "/activation", "");
    assertEquals(200, activated.statusCode(), activated.body());
  }

  /** {@code count} assets of {@code seconds}-long generated videos, segmented. */
  List<Long> assets(int count, int seconds) throws Exception {
    Path videos =
        Files.createDirectories(TinyBundles.modelsRoot().resolveSibling("promotion-it-videos"));
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path file =
          EmbeddingWorld.writeVideo(
              videos.resolve("clip-" + i + "-" + UUID.randomUUID() + ".mp4"), seconds, 40 + i);
      created.add(EmbeddingWorld.addSegmentedAsset(file, seconds));
    }
    assets.addAll(created);
    return created;
  }

  /** Embeds the assets with the version through {@code embed-catalog}, to the end. */
  void embed(long version, List<Long> which) throws Exception {
    HttpResponse<String> started =
        ADMIN.post(
            API + "/jobs/embed-catalog",
            "{\"modelVersion\": "
                + version
                + ", \"assets\": ["
                + which.stream().map(String::valueOf).collect(Collectors.joining(","))
                + "]}");
    assertEquals(202, started.statusCode(), started.body());
    JsonObject end =
        awaitEnd(json(started).asJsonObject().getJsonNumber("executionId").longValue());
    assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
  }

  static JsonObject job(long execution) throws Exception {
    HttpResponse<String> response = ADMIN.get(API + "/jobs/" + execution);
    assertEquals(200, response.statusCode(), response.body());
    return json(response).asJsonObject();
  }

  static boolean running(JsonObject job) {
    return Set.of("STARTING", "STARTED", "STOPPING").contains(job.getString("batchStatus"));
  }

  static JsonObject awaitEnd(long execution) throws Exception {
    JsonObject status = null;
    for (int attempt = 0; attempt < 1200; attempt++) {
      status = job(execution);
      if (!running(status)) {
        return status;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("job execution " + execution + " did not end: " + status);
  }

  /** The model version that answered a search. */
  static long searchedWith() throws Exception {
    HttpResponse<String> response =
        ARCHIVIST.get(
            API
                + "/search?limit=3&q="
                + URLEncoder.encode("a square moving", StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), response.body());
    return json(response).asJsonObject().getJsonNumber("modelVersion").longValue();
  }

  static String status(long version) throws SQLException {
    return row("select status from model_version where id = ?", version).get(0);
  }

  static String retiredAt(long version) throws SQLException {
    return row("select retired_at::text from model_version where id = ?", version).get(0);
  }

  /** Embeddings of the version over the assets: total rows and distinct segments. */
  static long[] embeddings(long version, List<Long> assets) throws SQLException {
    List<String> counts =
        row(
            "select count(*)::text, count(distinct e.segment_id)::text from segment_embedding e"
                + " join segment s on s.id = e.segment_id where e.model_version_id = ?"
                + " and s.asset_id = any(?)",
            version,
            assets);
    return new long[] {Long.parseLong(counts.get(0)), Long.parseLong(counts.get(1))};
  }

  static long segments(List<Long> assets) throws SQLException {
    return EmbeddingWorld.segmentsOf(assets).size();
  }

  static boolean indexExists(long version) throws SQLException {
    return !row(
            "select relname from pg_class where relname = ?", "segment_embedding_hnsw_v" + version)
        .isEmpty();
  }

  private static List<String> row(String sql, Object... parameters) throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] instanceof List<?> list) {
          statement.setArray(i + 1, connection.createArrayOf("bigint", list.toArray()));
        } else {
          statement.setObject(i + 1, parameters[i]);
        }
      }
      try (ResultSet rows = statement.executeQuery()) {
        List<String> values = new ArrayList<>();
        if (rows.next()) {
          for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
            values.add(rows.getString(c));
          }
        }
        return values;
      }
    }
  }

  /** Removes the assets (segments and embeddings follow), the versions and their indexes. */
  @Override
  public void close() throws SQLException {
    try (Connection connection = TestDatabase.connect();
        Statement statement = connection.createStatement()) {
      if (!assets.isEmpty()) {
        statement.executeUpdate(
            "delete from media_asset where id in ("
                + assets.stream().map(String::valueOf).collect(Collectors.joining(","))
                + ")");
      }
      for (long version : versions) {
        statement.executeUpdate("drop index if exists segment_embedding_hnsw_v" + version);
        statement.executeUpdate("delete from model_version where id = " + version);
      }
    }
  }
}
