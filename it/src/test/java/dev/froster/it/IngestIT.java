package dev.froster.it;

import static dev.froster.it.HttpClientAs.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ingest on the real server: files generated into the server's ingest root come in by URI, upload,
 * manifest and the watched folder, and the pipeline's {@code ingest-assets} job segments them (or
 * records why it cannot).
 */
@ExtendWith(ArquillianExtension.class)
class IngestIT {

  private static final String API = "/froster/api/v1";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final Duration PIPELINE_PATIENCE = Duration.ofSeconds(90);

  private Path root;
  private IngestFiles files;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @BeforeEach
  void aFolderOfThisTestUnderTheIngestRoot() throws Exception {
    root = Files.createDirectories(Path.of(System.getProperty("froster.ingest.root")));
    files = new IngestFiles(root.resolve("it-" + UUID.randomUUID()));
  }

  @Test
  void aFileByUriAndAnUploadReachSegmentedWithKeyframes() throws Exception {
    Path byUri = files.video("by-uri.mp4", 3);
    HttpResponse<String> registered = post("admin", API + "/assets", uriBody(byUri));
    assertEquals(202, registered.statusCode(), registered.body());
    JsonObject answer = json(registered).asJsonObject();
    assertEquals("registered", answer.getString("status"));
    assertFalse(answer.getBoolean("duplicate"));
    long first = answer.getJsonNumber("id").longValue();
    assertTrue(
        registered.headers().firstValue("Location").orElseThrow().endsWith("/assets/" + first));

    Path uploaded = files.video("uploaded.mp4", 2.5);
    HttpResponse<String> upload = upload("admin", uploaded, "Harbour at dawn");
    assertEquals(202, upload.statusCode(), upload.body());
    long second = json(upload).asJsonObject().getJsonNumber("id").longValue();

    for (long id : List.of(first, second)) {
      JsonObject asset = awaitSettled(id);
      assertEquals("segmented", asset.getString("status"), asset.toString());
      JsonObject probe = asset.getJsonObject("probe");
      assertEquals("h264", probe.getString("videoCodec"));
      assertEquals(64, probe.getInt("width"));
      assertEquals(48, probe.getInt("height"));
      assertTrue(probe.getBoolean("hasVideo"));
      List<JsonObject> segments = asset.getJsonArray("segments").getValuesAs(JsonObject.class);
      // A red shot, then a blue one: at least one window in each.
      assertEquals(2, probe.getJsonArray("shotStartsMs").size(), probe.toString());
      assertTrue(segments.size() >= 2, asset.toString());
      assertEquals(0, segments.get(0).getJsonNumber("startMs").longValue());
      long duration = probe.getJsonNumber("durationMs").longValue();
      long lastEnd = segments.get(segments.size() - 1).getJsonNumber("endMs").longValue();
      assertEquals(duration, lastEnd, 150, asset.toString());
      for (JsonObject segment : segments) {
        HttpResponse<byte[]> keyframe = getBytes("archivist", segment.getString("keyframe"));
        assertEquals(200, keyframe.statusCode());
        assertEquals("image/jpeg", keyframe.headers().firstValue("Content-Type").orElseThrow());
        assertEquals((byte) 0xFF, keyframe.body()[0]);
        assertEquals((byte) 0xD8, keyframe.body()[1]);
      }
      assertEquals(segments.size(), count("select count(*) from segment where asset_id = ?", id));
    }
    JsonObject uploadedAsset = json(get("archivist", API + "/assets/" + second)).asJsonObject();
    assertEquals("Harbour at dawn", uploadedAsset.getString("title"));
    String storedAs = uploadedAsset.getString("sourceUri");
    assertTrue(
        storedAs.endsWith("/uploads/" + uploadedAsset.getString("sha256") + ".mp4"), storedAs);
    assertArrayEquals(
        Files.readAllBytes(uploaded), Files.readAllBytes(Path.of(java.net.URI.create(storedAs))));
  }

  @Test
  void theSameBytesTwiceAreOneAsset() throws Exception {
    Path original = files.video("original.mp4", 2);
    Path copy = Files.copy(original, files.folder().resolve("copy.mp4"));
    HttpResponse<String> first = post("admin", API + "/assets", uriBody(original));
    assertEquals(202, first.statusCode(), first.body());
    long id = json(first).asJsonObject().getJsonNumber("id").longValue();

    HttpResponse<String> byCopy = post("admin", API + "/assets", uriBody(copy));
    assertEquals(200, byCopy.statusCode(), byCopy.body());
    assertEquals(id, json(byCopy).asJsonObject().getJsonNumber("id").longValue());
    assertTrue(json(byCopy).asJsonObject().getBoolean("duplicate"));

    HttpResponse<String> uploaded = upload("admin", original, null);
    assertEquals(200, uploaded.statusCode(), uploaded.body());
    assertEquals(id, json(uploaded).asJsonObject().getJsonNumber("id").longValue());

    String sha = json(get("admin", API + "/assets/" + id)).asJsonObject().getString("sha256");
    assertEquals(1, count("select count(*) from media_asset where sha256 = ?", sha));
  }

  @Test
  void concurrentUploadsOfTheSameNewFileAreOneAssetAndNoError() throws Exception {
    Path video = files.video("raced.mp4", 2);
    int racers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        answers.add(pool.submit(() -> upload("admin", video, null)));
      }
      Set<Long> ids = new HashSet<>();
      int created = 0;
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
        assertTrue(
            response.statusCode() == 200 || response.statusCode() == 202,
            response.statusCode() + " " + response.body());
        created += response.statusCode() == 202 ? 1 : 0;
        ids.add(json(response).asJsonObject().getJsonNumber("id").longValue());
      }
      assertEquals(1, created);
      assertEquals(1, ids.size(), ids.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void badFilesFailWithTheirReasonWhileTheGoodOnesOfTheSameJobAreSegmented() throws Exception {
    Map<String, Path> batch = new HashMap<>();
    batch.put("good", files.video("good.mp4", 2));
    batch.put("empty", files.empty("empty.mp4"));
    batch.put("text", files.text("notes.txt"));
    batch.put("corrupt", files.corrupt("corrupt.mp4"));
    batch.put("truncated", files.truncated("truncated.mp4"));
    batch.put("also good", files.video("also-good.mp4", 3));
    StringBuilder manifest = new StringBuilder("uri,title\n");
    batch.forEach(
        (title, file) -> manifest.append(file.toUri()).append(',').append(title).append('\n'));
    // One manifest is one transaction: the pipeline's next job takes all of them together.
    HttpResponse<String> registered =
        post("admin", API + "/assets/manifest", manifest.toString(), "text/csv");
    assertEquals(202, registered.statusCode(), registered.body());

    Map<String, JsonObject> outcome = new HashMap<>();
    for (JsonObject row :
        json(registered).asJsonObject().getJsonArray("assets").getValuesAs(JsonObject.class)) {
      JsonObject asset = awaitSettled(row.getJsonNumber("id").longValue());
      outcome.put(asset.getString("title"), asset);
    }
    assertEquals("segmented", outcome.get("good").getString("status"));
    assertEquals("segmented", outcome.get("also good").getString("status"));
    assertTrue(outcome.get("also good").getJsonArray("segments").size() >= 2);
    assertFailed(outcome.get("empty"), "empty");
    assertFailed(outcome.get("text"), "notes.txt");
    assertFailed(outcome.get("corrupt"), "corrupt.mp4");
    assertFailed(outcome.get("truncated"), "truncated.mp4");
  }

  @Test
  void anAdministratorStartsIngestByHandAndReadsItsProgress() throws Exception {
    HttpResponse<String> started = post("admin", API + "/jobs/ingest-assets", "");
    assertEquals(202, started.statusCode(), started.body());
    long execution = json(started).asJsonObject().getJsonNumber("executionId").longValue();
    JsonObject status = null;
    for (long end = System.nanoTime() + PIPELINE_PATIENCE.toNanos(); System.nanoTime() < end; ) {
      status = json(get("admin", API + "/jobs/" + execution)).asJsonObject();
      if (status.getString("batchStatus").equals("COMPLETED")) {
        break;
      }
      Thread.sleep(300);
    }
    assertNotNull(status);
    assertEquals("COMPLETED", status.getString("batchStatus"), status.toString());
    assertEquals("ingest-assets", status.getString("jobName"));
    assertEquals(
        status.getJsonNumber("total").longValue(), status.getJsonNumber("done").longValue());
  }

  @Test
  void pathsOutsideTheRootsAndTraversalAreRefusedAndRegisterNothing() throws Exception {
    Path outside = Files.createTempFile("froster-outside", ".mp4");
    Files.writeString(outside, "outside " + UUID.randomUUID());
    long before = count("select count(*) from media_asset", null);
    for (String uri :
        List.of(
            outside.toUri().toString(),
            "file:///etc/passwd",
            "file://" + files.folder() + "/../../../../../../etc/passwd",
            "file://" + root + "/../" + root.getFileName() + "/x.mp4")) {
      HttpResponse<String> refused = post("admin", API + "/assets", "{\"uri\": \"" + uri + "\"}");
      assertEquals(400, refused.statusCode(), uri + ": " + refused.body());
      assertEquals(
          "urn:froster:problem:outside-ingest-roots",
          json(refused).asJsonObject().getString("type"),
          refused.body());
    }
    Path escape = Files.createSymbolicLink(files.folder().resolve("escape.mp4"), outside);
    assertEquals(400, post("admin", API + "/assets", uriBody(escape)).statusCode());
    assertEquals(
        "urn:froster:problem:no-such-file",
        json(post("admin", API + "/assets", uriBody(files.folder().resolve("absent.mp4"))))
            .asJsonObject()
            .getString("type"));
    assertEquals(before, count("select count(*) from media_asset", null));
    Files.delete(outside);
  }

  @Test
  void aManifestWithOneBrokenRowRegistersNothing() throws Exception {
    Path first = files.video("m1.mp4", 2);
    Path second = files.video("m2.mp4", 2);
    String manifest =
        "[{\"uri\":\""
            + first.toUri()
            + "\",\"title\":\"one\",\"camera\":\"A7\"},"
            + "{\"uri\":\""
            + second.toUri()
            + "\"},"
            + "{\"uri\":\"file:///etc/hostname\"}]";
    HttpResponse<String> refused = post("admin", API + "/assets/manifest", manifest);
    assertEquals(400, refused.statusCode(), refused.body());
    JsonObject problem = json(refused).asJsonObject();
    assertEquals("urn:froster:problem:invalid-manifest", problem.getString("type"));
    assertTrue(problem.getString("detail").startsWith("row 3, field uri"), problem.toString());
    assertEquals(
        0,
        count(
            "select count(*) from media_asset where source_uri like ?",
            files.folder().toUri() + "%"));

    HttpResponse<String> csv =
        post(
            "admin",
            API + "/assets/manifest",
            "uri,title\n" + first.toUri() + ",one\n,two\n",
            "text/csv");
    assertEquals(400, csv.statusCode(), csv.body());
    assertTrue(json(csv).asJsonObject().getString("detail").startsWith("row 2, field uri"));
  }

  @Test
  void aFileCopiedIntoTheWatchedFolderIsIngestedOnce() throws Exception {
    Path video = files.video("watched.mp4", 2);
    Path watch = Files.createDirectories(root.resolve("watch"));
    Path target = watch.resolve("watched-" + UUID.randomUUID() + ".mp4");
    Files.copy(video, target.resolveSibling(target.getFileName() + ".part"));
    Files.move(
        target.resolveSibling(target.getFileName() + ".part"),
        target,
        StandardCopyOption.ATOMIC_MOVE);
    String uri = target.toRealPath().toUri().toString();
    long id = 0;
    for (long end = System.nanoTime() + PIPELINE_PATIENCE.toNanos();
        id == 0 && System.nanoTime() < end; ) {
      id = count("select coalesce(max(id), 0) from media_asset where source_uri = ?", uri);
      Thread.sleep(300);
    }
    assertTrue(id > 0, "the watched file was not registered: " + uri);
    assertEquals("segmented", awaitSettled(id).getString("status"));
    Thread.sleep(3000);
    assertEquals(1, count("select count(*) from media_asset where source_uri = ?", uri));
  }

  @Test
  void onlyAdministratorsIngestAndArchivistsRead() throws Exception {
    Path video = files.video("roles.mp4", 2);
    HttpResponse<String> anonymous =
        CLIENT.send(
            HttpRequest.newBuilder(HttpClientAs.server(API + "/assets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(uriBody(video)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(401, anonymous.statusCode());
    assertEquals(403, post("archivist", API + "/assets", uriBody(video)).statusCode());
    assertEquals(403, upload("archivist", video, null).statusCode());
    assertEquals(
        0,
        count(
            "select count(*) from media_asset where source_uri = ?",
            video.toRealPath().toUri().toString()));
    HttpResponse<String> registered = post("admin", API + "/assets", uriBody(video));
    long id = json(registered).asJsonObject().getJsonNumber("id").longValue();
    assertEquals(200, get("archivist", API + "/assets/" + id).statusCode());
    assertEquals(403, post("archivist", API + "/jobs/ingest-assets", "").statusCode());
    assertEquals(404, get("archivist", API + "/assets/999999999").statusCode());
  }

  private static void assertFailed(JsonObject asset, String reasonMentions) {
    assertEquals("failed", asset.getString("status"), asset.toString());
    assertTrue(asset.getString("failureReason").contains(reasonMentions), asset.toString());
    assertEquals(0, asset.getJsonArray("segments").size(), asset.toString());
    assertEquals(JsonValue.NULL, asset.get("probe"));
  }

  /** Polls the asset until the pipeline has segmented it or given up on it. */
  private static JsonObject awaitSettled(long id) throws Exception {
    JsonObject asset = null;
    for (long end = System.nanoTime() + PIPELINE_PATIENCE.toNanos(); System.nanoTime() < end; ) {
      HttpResponse<String> response = get("archivist", API + "/assets/" + id);
      assertEquals(200, response.statusCode(), response.body());
      asset = json(response).asJsonObject();
      if (!asset.getString("status").equals("registered")) {
        return asset;
      }
      Thread.sleep(300);
    }
    throw new AssertionError(
        "asset " + id + " still registered after " + PIPELINE_PATIENCE + ": " + asset);
  }

  private static String uriBody(Path file) {
    return "{\"uri\": \"" + file.toUri() + "\"}";
  }

  private static HttpResponse<String> get(String user, String path) throws Exception {
    return CLIENT.send(
        authorised(user, HttpRequest.newBuilder(HttpClientAs.server(path))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<byte[]> getBytes(String user, String url) throws Exception {
    return CLIENT.send(
        authorised(user, HttpRequest.newBuilder(java.net.URI.create(url))).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<String> post(String user, String path, String body) throws Exception {
    return post(user, path, body, "application/json");
  }

  private static HttpResponse<String> post(String user, String path, String body, String type)
      throws Exception {
    return CLIENT.send(
        authorised(user, HttpRequest.newBuilder(HttpClientAs.server(path)))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> upload(String user, Path file, String title)
      throws Exception {
    String boundary = "froster-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (title != null) {
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                  + title
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName()
                + "\"\r\nContent-Type: video/mp4\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(Files.readAllBytes(file));
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return CLIENT.send(
        authorised(user, HttpRequest.newBuilder(HttpClientAs.server(API + "/assets")))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder authorised(String user, HttpRequest.Builder request) {
    String password =
        System.getenv("FROSTER_" + user.toUpperCase(java.util.Locale.ROOT) + "_PASSWORD");
    return request
        .timeout(Duration.ofSeconds(60))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private static long count(String sql, Object parameter) throws SQLException {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter instanceof Long number) {
        statement.setLong(1, number);
      } else if (parameter != null) {
        statement.setString(1, parameter.toString());
      }
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
