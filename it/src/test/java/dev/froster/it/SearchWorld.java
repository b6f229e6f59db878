package dev.froster.it;

import ai.djl.Device;
import dev.froster.engine.inference.TimeSpan;
import dev.froster.engine.inference.VideoEmbedder;
import dev.froster.engine.video.VideoProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * SearchIT's catalogue, made so that the expected answers are known: three assets (different
 * collections, ingest dates and durations) with four segments each, whose embeddings are written
 * straight into the database at chosen cosine similarities to the text embedding of {@link #QUERY}
 * (computed here with the engine from the same tiny bundle the server has active).
 *
 * <p>Segment k (0..11) has score {@code 0.95 - 0.05 k}; asset {@code k % 3} owns it.
 */
final class SearchWorld implements AutoCloseable {

  static final String QUERY = "a diver jumps into the harbour";
  static final int SEGMENTS = 12;

  final String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  final VideoEmbedder engine;
  final float[] queryEmbedding;
  final long[] assets = new long[3];
  final long[] segments = new long[SEGMENTS];
  final float[][] embeddings = new float[SEGMENTS][];
  final String tagLabel = "diving-" + unique;
  long termId;
  private long vocabularyId;

  /** Assets: collection, ingest instant, duration in ms. */
  static final String[][] ASSETS = {
    {"news", "2026-01-10T12:00:00Z", "30000"},
    {"sport", "2026-02-15T12:00:00Z", "120000"},
    {"news", "2026-03-20T12:00:00Z", "600000"}
  };

  SearchWorld(long modelVersion, Path bundle) throws Exception {
    engine = VideoEmbedder.open(bundle, Device.cpu());
    queryEmbedding = engine.embedText(QUERY);
    Random random = new Random(42);
    try (Connection connection = TestDatabase.connect()) {
      for (int a = 0; a < 3; a++) {
        try (PreparedStatement statement =
            connection.prepareStatement(
                "insert into media_asset (source_uri, sha256, title, collection, status, probe,"
                    + " ingested_at) values (?, ?, ?, ?, 'embedded', cast(? as jsonb),"
                    + " cast(? as timestamptz)) returning id")) {
          String hash = (unique + a + UUID.randomUUID().toString().replace("-", "")).repeat(2);
          statement.setString(1, "file:/search-it/" + unique + "-" + a + ".mp4");
          statement.setString(2, hash.substring(0, 64).replaceAll("[^0-9a-f]", "0"));
          statement.setString(3, "search-it " + unique + " asset " + a);
          statement.setString(4, ASSETS[a][0]);
          statement.setString(5, "{\"durationMs\": " + ASSETS[a][2] + "}");
          statement.setString(6, ASSETS[a][1]);
          assets[a] = EmbeddingWorld.single(statement);
        }
      }
      for (int k = 0; k < SEGMENTS; k++) {
        long asset = assets[k % 3];
        long start = (k / 3) * 2000L;
        try (PreparedStatement statement =
            connection.prepareStatement(
                "insert into segment (asset_id, start_ms, end_ms) values (?, ?, ?) returning id")) {
          statement.setLong(1, asset);
          statement.setLong(2, start);
          statement.setLong(3, start + 2000);
          segments[k] = EmbeddingWorld.single(statement);
        }
        embeddings[k] = UnitVectors.atSimilarity(queryEmbedding, score(k), random);
        try (PreparedStatement statement =
            connection.prepareStatement(
                "insert into segment_embedding (segment_id, model_version_id, embedding)"
                    + " values (?, ?, cast(? as vector))")) {
          statement.setLong(1, segments[k]);
          statement.setLong(2, modelVersion);
          statement.setString(3, literal(embeddings[k]));
          statement.executeUpdate();
        }
      }
      // Accepted: a tag on asset 1 (its four segments) and on segment 5 (asset 2); pending on
      // asset 0, which the filter must ignore.
      try (PreparedStatement statement =
          connection.prepareStatement(
              "insert into vocabulary (name, accept_threshold, review_threshold)"
                  + " values (?, 0.8, 0.5) returning id")) {
        statement.setString(1, "search-it-" + unique);
        vocabularyId = EmbeddingWorld.single(statement);
      }
      try (PreparedStatement statement =
          connection.prepareStatement(
              "insert into term (vocabulary_id, label) values (?, ?) returning id")) {
        statement.setLong(1, vocabularyId);
        statement.setString(2, tagLabel);
        termId = EmbeddingWorld.single(statement);
      }
      tag(connection, "asset_id", assets[1], "accepted");
      tag(connection, "segment_id", segments[5], "accepted");
      tag(connection, "asset_id", assets[0], "pending");
    }
  }

  static double score(int k) {
    return 0.95 - 0.05 * k;
  }

  /** The segments (indexes k) in expected order of score among those {@code keep} accepts. */
  List<Long> expected(java.util.function.IntPredicate keep) {
    List<Long> ids = new ArrayList<>();
    for (int k = 0; k < SEGMENTS; k++) {
      if (keep.test(k)) {
        ids.add(segments[k]);
      }
    }
    return ids;
  }

  /** Cosine similarity of two unit vectors. */
  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * (double) b[i];
      na += a[i] * (double) a[i];
      nb += b[i] * (double) b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  /** The embedding the server computes for an uploaded clip: one span over the whole video. */
  float[] clipEmbedding(Path clip) throws Exception {
    long endMs = VideoProbe.probe(clip).durationMicros() / 1000;
    return engine.embedSegments(clip, List.of(new TimeSpan(0, endMs))).get(0);
  }

  /** Segment ids of this world other than {@code except}, nearest {@code to} first. */
  List<Long> nearest(float[] to, long except) {
    Map<Long, Double> scores = new HashMap<>();
    for (int k = 0; k < SEGMENTS; k++) {
      if (segments[k] != except) {
        scores.put(segments[k], cosine(to, embeddings[k]));
      }
    }
    return scores.entrySet().stream()
        .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** A multipart POST of {@code file} as part {@code clip}. */
  static HttpResponse<String> postClip(String user, String path, Path file, String contentType)
      throws IOException, InterruptedException {
    return postClip(user, path, file, contentType, Map.of());
  }

  /** A multipart POST of {@code file} as part {@code clip}, after a text part per field. */
  static HttpResponse<String> postClip(
      String user, String path, Path file, String contentType, Map<String, String> fields)
      throws IOException, InterruptedException {
    String boundary = "search-it-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"clip\"; filename=\""
                + file.getFileName()
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(file));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String password =
        System.getenv("FROSTER_" + user.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD");
    HttpRequest request =
        HttpRequest.newBuilder(HttpClientAs.server(path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Takes every active version out of service, as before any model was activated. */
  static void retireActiveVersions() throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "update model_version set status = 'retired' where status = 'active'")) {
      statement.executeUpdate();
    }
  }

  @Override
  public void close() throws SQLException {
    engine.close();
    try (Connection connection = TestDatabase.connect();
        PreparedStatement assetRows =
            connection.prepareStatement("delete from media_asset where id = any(?)");
        PreparedStatement vocabulary =
            connection.prepareStatement("delete from vocabulary where id = ?")) {
      assetRows.setArray(
          1, connection.createArrayOf("bigint", new Long[] {assets[0], assets[1], assets[2]}));
      assetRows.executeUpdate();
      vocabulary.setLong(1, vocabularyId);
      vocabulary.executeUpdate();
    }
  }

  private void tag(Connection connection, String column, long id, String status)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "insert into tag ("
                + column
                + ", term_id, source, status) values (?, ?, 'manual', ?)")) {
      statement.setLong(1, id);
      statement.setLong(2, termId);
      statement.setString(3, status);
      statement.executeUpdate();
    }
  }

  static String literal(float[] values) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      text.append(i == 0 ? "" : ",").append(values[i]);
    }
    return text.append(']').toString();
  }
}
