package dev.froster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, "a server killed half-way, then restarted": the Liberty JVM running {@code
 * embed-catalog} is killed with SIGKILL (no clean stop, no chance to checkpoint), started again,
 * Liberty's batch recovery marks the execution as ended, and a restart of that execution completes
 * with every segment embedded exactly once.
 *
 * <p>The server is the second one the build creates (the application deployed from {@code apps/} as
 * under {@code ./froster run}), started by this test with the real database; {@link
 * ServerWithoutDatabaseIT} uses it too, one after the other. The model version this test activates
 * is retired again afterwards and the version active before is restored, so that the other tests
 * sharing the database keep theirs.
 */
class ServerCrashIT {

  private static final String API = "/froster/api/v1";
  private static final Duration SERVER_START = Duration.ofSeconds(240);
  private static final Pattern APPLICATION_STARTED =
      Pattern.compile("CWWKZ0001I: Application froster started");
  private static final Pattern APPLICATION_FAILED = Pattern.compile("CWWKZ000[24]E");

  /** Long enough to kill mid-way: 10 assets of 12 s, 11 segments each, one segment a chunk. */
  private static final int ASSETS = 10;

  private static final int SECONDS = 12;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static LibertyServer server;
  private static final List<Long> assets = new ArrayList<>();
  private static long modelVersion;
  private static Long previouslyActive;

  @BeforeAll
  static void startTheServerWithTheDatabase() throws Exception {
    server =
        new LibertyServer(
            Path.of(System.getProperty("froster.wlp.home")),
            System.getProperty("froster.nodb.server"));
    startAndAwaitReady();
  }

  @AfterAll
  static void stopTheServerAndRemoveTheTestCatalogue() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      try (Connection connection = TestDatabase.connect();
          Statement statement = connection.createStatement()) {
        if (!assets.isEmpty()) {
          statement.executeUpdate(
              "delete from media_asset where id in ("
                  + assets.stream().map(String::valueOf).collect(Collectors.joining(","))
                  + ")");
        }
        if (modelVersion != 0) {
          statement.executeUpdate("drop index if exists segment_embedding_hnsw_v" + modelVersion);
          statement.executeUpdate("delete from model_version where id = " + modelVersion);
        }
        if (previouslyActive != null) {
          statement.executeUpdate(
              "update model_version set status = 'active' where id = " + previouslyActive);
        }
      }
    }
  }

  @Test
  void aJobWhoseServerWasKilledRestartsAndEmbedsEverySegmentExactlyOnce() throws Exception {
    activateATinyModel();
    for (int i = 0; i < ASSETS; i++) {
      Path file =
          EmbeddingWorld.writeVideo(
              videos().resolve("crash-" + i + "-" + UUID.randomUUID() + ".mp4"), SECONDS, i);
      assets.add(EmbeddingWorld.addSegmentedAsset(file, SECONDS));
    }
    long total = EmbeddingWorld.segmentsOf(assets).size();

    HttpResponse<String> started =
        send(
            "POST",
            API + "/jobs/embed-catalog",
            "{\"partitions\": 2, \"chunkSize\": 1, \"segmentsPerItem\": 1, \"assets\": ["
                + assets.stream().map(String::valueOf).collect(Collectors.joining(","))
                + "]}");
    assertEquals(202, started.statusCode(), started.body());
    long first = json(started).getJsonNumber("executionId").longValue();

    // A third of the way: partitions running, checkpoints written, most of the work still ahead.
    awaitEmbedded(total / 3);
    killTheServerJvm();
    long doneAtKill = EmbeddingWorld.embeddedSegments(modelVersion, assets).size();
    assertTrue(
        0 < doneAtKill && doneAtKill < total,
        "the kill came half-way: " + doneAtKill + " of " + total + " segments embedded");

    startAndAwaitReady();
    JsonObject ended = awaitEnd(first);
    assertTrue(
        Set.of("FAILED", "STOPPED").contains(ended.getString("batchStatus")),
        "after the restart Liberty marks the killed execution ended: " + ended);
    assertEquals(
        doneAtKill,
        EmbeddingWorld.embeddedSegments(modelVersion, assets).size(),
        "nothing embedded between the kill and the restart of the job");

    HttpResponse<String> restarted = send("POST", API + "/jobs/" + first + "/restart", "");
    assertEquals(202, restarted.statusCode(), restarted.body());
    JsonObject end = awaitEnd(json(restarted).getJsonNumber("executionId").longValue());
    assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());

    List<Long> segments = EmbeddingWorld.segmentsOf(assets);
    List<Long> embedded = EmbeddingWorld.embeddedSegments(modelVersion, assets);
    assertEquals(segments.size(), embedded.size(), "one embedding per segment");
    assertEquals(embedded.size(), new HashSet<>(embedded).size(), "no duplicates");
    assertEquals(segments, embedded, "no gaps");
    for (long asset : assets) {
      assertEquals("embedded", EmbeddingWorld.assetState(asset)[0], "asset " + asset);
    }
    System.out.printf(
        "ServerCrashIT: killed at %d of %d segments; the restart embedded the other %d%n",
        doneAtKill, total, total - doneAtKill);
  }

  // --- the server ----------------------------------------------------------------------------

  private static void startAndAwaitReady() throws Exception {
    // The real database (FROSTER_DB_* of this JVM's environment, which the server inherits).
    server.start(Map.of(), SERVER_START);
    server.awaitMessage(APPLICATION_STARTED, APPLICATION_FAILED, SERVER_START);
    long deadline = System.nanoTime() + SERVER_START.toNanos();
    while (send("GET", "/health/ready", null).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("server not ready after " + SERVER_START);
      }
      Thread.sleep(500);
    }
  }

  /** SIGKILL to the server's JVM, found by the process id file Liberty writes while it runs. */
  private static void killTheServerJvm() throws Exception {
    Path pidFile =
        Path.of(System.getProperty("froster.wlp.home"), "usr/servers/.pid")
            .resolve(System.getProperty("froster.nodb.server") + ".pid");
    ProcessHandle jvm =
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
            .orElseThrow(() -> new AssertionError("no server process of " + pidFile));
    assertTrue(jvm.destroyForcibly(), "SIGKILL to " + jvm.pid());
    jvm.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  // --- the model and the job -----------------------------------------------------------------

  private static void activateATinyModel() throws Exception {
    try (Connection connection = TestDatabase.connect();
        Statement statement = connection.createStatement();
        ResultSet active =
            statement.executeQuery("select id from model_version where status = 'active'")) {
      previouslyActive = active.next() ? active.getLong(1) : null;
    }
    String name = "crash-it-" + UUID.randomUUID();
    TinyBundles.write(name, "ServerCrashIT");
    HttpResponse<String> registered =
        send(
            "POST",
            API + "/model-versions",
            "{\"name\": \"" + name + "\", \"bundlePath\": \"" + name + "\"}");
    assertEquals(201, registered.statusCode(), registered.body());
    modelVersion = json(registered).getJsonNumber("id").longValue();
    HttpResponse<String> activated =
        send("POST", API + "/model-versions/" + modelVersion + "/activation", "");
    assertEquals(200, activated.statusCode(), activated.body());
  }

  /** Waits until the job has embedded at least {@code segments} of the assets' segments. */
  private static void awaitEmbedded(long segments) throws Exception {
    for (int attempt = 0; attempt < 12_000; attempt++) {
      if (EmbeddingWorld.embeddedSegments(modelVersion, assets).size() >= segments) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the job embedded fewer than " + segments + " segments in 120 s");
  }

  private static JsonObject awaitEnd(long execution) throws Exception {
    JsonObject status = null;
    for (int attempt = 0; attempt < 600; attempt++) {
      HttpResponse<String> response = send("GET", API + "/jobs/" + execution, null);
      assertEquals(200, response.statusCode(), response.body());
      status = json(response);
      if (!Set.of("STARTING", "STARTED", "STOPPING").contains(status.getString("batchStatus"))) {
        return status;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("job execution " + execution + " did not end: " + status);
  }

  private static Path videos() throws IOException {
    return Files.createDirectories(TinyBundles.modelsRoot().resolveSibling("crash-it-videos"));
  }

  // --- HTTP to this server, as admin ---------------------------------------------------------

  private static HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    String password = System.getenv("FROSTER_ADMIN_PASSWORD");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:" + System.getProperty("froster.nodb.http.port") + path))
            .timeout(Duration.ofSeconds(60))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json")
            .method(
                method.toUpperCase(Locale.ROOT),
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
