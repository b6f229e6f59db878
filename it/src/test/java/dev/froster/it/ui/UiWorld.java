package dev.froster.it.ui;

import ai.djl.Device;
import dev.froster.engine.inference.VideoEmbedder;
import dev.froster.engine.video.H264Mp4Writer;
import dev.froster.it.TinyBundles;
import dev.froster.it.UnitVectors;
import jakarta.json.Json;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * What the browser tests look at, written the way the other ITs write theirs: a tiny random model
 * bundle registered and activated through the REST API; one real 12 s H.264 video as an asset with
 * four 2 s segments (keyframes included), whose embeddings sit at chosen similarities to the text
 * embedding of {@link #QUERY} so that segment {@link #TOP} (4-6 s) is the best hit; and a review
 * vocabulary with pending automatic tags on two of the segments. Removed on close.
 */
final class UiWorld implements AutoCloseable {

  static final String API = "/froster/api/v1";
  static final String QUERY = "a diver jumps into the harbour";

  /** Segment starts, ms; each lasts 2 s. */
  static final long[] STARTS = {0, 4000, 6000, 8000};

  /** The index of the segment nearest the query: 4 s - 6 s. */
  static final int TOP = 1;

  private static final double[] SIMILARITY = {0.40, 0.95, 0.60, 0.20};
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  final long modelVersion;
  final long asset;
  final long[] segments = new long[STARTS.length];
  final long vocabulary;
  final long diving;
  final long running;
  final long swimming;
  final long divingTag;
  final long runningTag;
  final String title = "ui-it " + unique + " harbour";
  final Path video;

  UiWorld(Path scratch) throws Exception {
    String name = "ui-it-" + unique;
    Path bundle = TinyBundles.write(name, "UiWorld");
    HttpResponse<String> registered =
        send(
            "admin",
            "POST",
            API + "/model-versions",
            "{\"name\": \"" + name + "\", \"bundlePath\": \"" + name + "\"}");
    check(registered, 201);
    modelVersion =
        Json.createReader(new StringReader(registered.body()))
            .readObject()
            .getJsonNumber("id")
            .longValue();
    check(send("admin", "POST", API + "/model-versions/" + modelVersion + "/activation", ""), 200);
    float[] query;
    try (VideoEmbedder engine = VideoEmbedder.open(bundle, Device.cpu())) {
      query = engine.embedText(QUERY);
    }
    video = writeVideo(scratch.resolve("harbour-" + unique + ".mp4"), 12);
    Random random = new Random(7);
    try (Connection db = connect()) {
      asset =
          single(
              db,
              "insert into media_asset (source_uri, sha256, title, collection, status, probe)"
                  + " values (?, ?, ?, 'ui-it', 'embedded', cast(? as jsonb)) returning id",
              video.toUri().toString(),
              (unique + UUID.randomUUID().toString().replace("-", "")).repeat(2).substring(0, 64),
              title,
              "{\"container\": \"mov,mp4,m4a,3gp,3g2,mj2\", \"videoCodec\": \"h264\","
                  + " \"audioCodec\": null, \"durationMs\": 12000, \"framesPerSecond\": 10,"
                  + " \"width\": 160, \"height\": 90, \"rotationDegrees\": 0,"
                  + " \"hasVideo\": true, \"hasAudio\": false, \"variableFrameRate\": false,"
                  + " \"shotStartsMs\": [0]}");
      for (int k = 0; k < STARTS.length; k++) {
        segments[k] =
            single(
                db,
                "insert into segment (asset_id, start_ms, end_ms, keyframe_jpeg)"
                    + " values (?, ?, ?, ?) returning id",
                asset,
                STARTS[k],
                STARTS[k] + 2000,
                keyframe(k));
        update(
            db,
            "insert into segment_embedding (segment_id, model_version_id, embedding)"
                + " values (?, ?, cast(? as vector))",
            segments[k],
            modelVersion,
            literal(UnitVectors.atSimilarity(query, SIMILARITY[k], random)));
      }
      vocabulary =
          single(
              db,
              "insert into vocabulary (name, accept_threshold, review_threshold, active)"
                  + " values (?, 0.8, 0.3, false) returning id",
              "ui-actions-" + unique);
      diving = term(db, "diving");
      running = term(db, "running");
      swimming = term(db, "swimming");
      divingTag = pendingTag(db, segments[0], diving, 0.62, running, 0.30);
      runningTag = pendingTag(db, segments[2], running, 0.55, swimming, 0.35);
    }
  }

  /** The status of a tag, as stored. */
  static String tagStatus(long tag) throws SQLException {
    try (Connection db = connect();
        PreparedStatement statement =
            db.prepareStatement(
                "select status || ':' || (select label from term where id = term_id)"
                    + " from tag where id = ?")) {
      statement.setLong(1, tag);
      try (ResultSet row = statement.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection db = connect()) {
      update(db, "delete from media_asset where id = ?", asset);
      update(db, "delete from vocabulary where id = ?", vocabulary);
    }
  }

  private long term(Connection db, String label) throws SQLException {
    return single(
        db,
        "insert into term (vocabulary_id, label) values (?, ?) returning id",
        vocabulary,
        label + "-" + unique);
  }

  private long pendingTag(
      Connection db,
      long segment,
      long term,
      double confidence,
      long runnerUp,
      double runnerUpConfidence)
      throws SQLException {
    return single(
        db,
        "insert into tag (segment_id, term_id, model_version_id, confidence, source, status,"
            + " alternatives) values (?, ?, ?, ?, 'auto', 'pending', cast(? as jsonb))"
            + " returning id",
        segment,
        term,
        modelVersion,
        (float) confidence,
        "[{\"termId\": " + runnerUp + ", \"confidence\": " + runnerUpConfidence + "}]");
  }

  static HttpResponse<String> send(String user, String method, String path, String json)
      throws IOException, InterruptedException {
    String password =
        System.getenv("FROSTER_" + user.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base() + path))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
            .method(method, HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static String base() {
    return "http://localhost:" + System.getProperty("froster.http.port");
  }

  static void check(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  static Connection connect() throws SQLException {
    Map<String, String> env = System.getenv();
    String url =
        "jdbc:postgresql://"
            + env.getOrDefault("FROSTER_DB_HOST", "localhost")
            + ":"
            + env.getOrDefault("FROSTER_DB_PORT", "55432")
            + "/"
            + env.getOrDefault("FROSTER_DB_NAME", "froster");
    return DriverManager.getConnection(
        url, env.getOrDefault("FROSTER_DB_USER", "froster"), env.get("FROSTER_DB_PASSWORD"));
  }

  static long single(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  static void update(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  /** An H.264 MP4 at 10 fps, 160×90: a square crossing a coloured ground. */
  static Path writeVideo(Path file, int seconds) throws IOException {
    Files.createDirectories(file.getParent());
    try (H264Mp4Writer writer = H264Mp4Writer.open(file, 160, 90, 10, 300_000)) {
      for (int frame = 0; frame < seconds * 10; frame++) {
        BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(20, 60, 120));
        graphics.fillRect(0, 0, 160, 90);
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(frame % 140, 30, 20, 20);
        graphics.dispose();
        writer.write(image);
      }
      writer.finish();
    }
    return file;
  }

  private static byte[] keyframe(int k) throws IOException {
    BufferedImage image = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    graphics.setColor(new Color(20, 60 + 40 * k, 120));
    graphics.fillRect(0, 0, 160, 90);
    graphics.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);
    return jpeg.toByteArray();
  }

  private static String literal(float[] values) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      text.append(i == 0 ? "" : ",").append(values[i]);
    }
    return text.append(']').toString();
  }
}
