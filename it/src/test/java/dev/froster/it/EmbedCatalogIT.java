package dev.froster.it;

import static dev.froster.it.HttpClientAs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, embedding: the {@code embed-catalog} job in the real server embeds every segment exactly
 * once with a tiny random model bundle, survives a corrupt file, a stop, a database outage and an
 * application restart inside the running server.
 *
 * <p>Each test makes its own assets and names them in the job's {@code assets} parameter, so the
 * tests do not see each other's segments.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbedCatalogIT {

  private static final String API = "/froster/api/v1";
  private static final HttpClientAs ADMIN = HttpClientAs.user("admin");
  private static final HttpClientAs ARCHIVIST = HttpClientAs.user("archivist");

  private static long modelVersion;
  private static final List<Long> createdAssets = new ArrayList<>();

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @Test
  @Order(1)
  void aBundleOutsideTheModelsRootIsRefused() throws Exception {
    Path elsewhere = Files.createTempDirectory("not-under-the-models-root");
    try {
      for (String path : List.of(elsewhere.toString(), "../../etc", "missing-bundle")) {
        HttpResponse<String> response =
            ADMIN.post(
                API + "/model-versions",
                "{\"name\": \"outside-"
                    + UUID.randomUUID()
                    + "\", \"bundlePath\": \""
                    + path
                    + "\"}");
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(
            "urn:froster:problem:invalid-model-bundle",
            json(response).asJsonObject().getString("type"));
      }
    } finally {
      Files.delete(elsewhere);
    }
    assertEquals(
        403,
        ARCHIVIST
            .post(API + "/model-versions", "{\"name\": \"x\", \"bundlePath\": \"x\"}")
            .statusCode());
  }

  @Test
  @Order(3)
  void everySegmentGetsOneEmbeddingAndTheAssetsBecomeEmbedded() throws Exception {
    List<Long> assets = goodAssets("complete", 3, 5);
    long execution = start(assets, 2, 4);
    JsonObject end = awaitEnd(execution);

    assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
    assertExactlyOnce(assets);
    long segments = EmbeddingWorld.segmentsOf(assets).size();
    assertEquals(segments, end.getJsonNumber("done").longValue(), end.toString());
    assertEquals(segments, end.getJsonNumber("total").longValue(), end.toString());
    for (long asset : assets) {
      assertEquals("embedded", EmbeddingWorld.assetState(asset)[0]);
    }
    List<Double> norms = norms(assets);
    assertFalse(norms.isEmpty());
    norms.forEach(norm -> assertEquals(1.0, norm, 1e-3, "embeddings are unit vectors"));
    assertEquals(segments, loggedSegmentsWritten(execution), "stage times logged per partition");
  }

  /** The Arquillian server's directory (its name is {@code it.server} in it/pom.xml). */
  private static Path serverDirectory() {
    return Path.of(
        System.getProperty("froster.wlp.home"),
        "usr/servers",
        System.getProperty("froster.server", "froster-it"));
  }

  /**
   * The segments the partitions of an execution reported writing in their stage-time lines, e.g.
   * {@code embed-catalog execution 12 partition 0: 9 segments written; read 0.02 s, embed 3.10 s,
   * write 0.05 s}.
   */
  private static long loggedSegmentsWritten(long execution) {
    Pattern line =
        Pattern.compile(
            "embed-catalog execution "
                + execution
                + " partition \\d+: (\\d+) segments written; read [0-9.]+ s, embed [0-9.]+ s,"
                + " write [0-9.]+ s");
    Path messages = serverDirectory().resolve("logs/messages.log");
    long written = 0;
    for (String logged : LibertyServer.lines(messages)) {
      Matcher matcher = line.matcher(logged);
      if (matcher.find()) {
        written += Long.parseLong(matcher.group(1));
      }
    }
    return written;
  }

  @Test
  @Order(4)
  void aCorruptAssetFailsWithItsReasonWhileTheOthersAreEmbedded() throws Exception {
    List<Long> good = goodAssets("among-corrupt", 3, 4);
    Path corruptFile =
        EmbeddingWorld.writeCorruptVideo(
            videos().resolve("corrupt-" + UUID.randomUUID() + ".mp4"), 7);
    long corrupt = EmbeddingWorld.addSegmentedAsset(corruptFile, 4);
    createdAssets.add(corrupt);
    List<Long> all = new ArrayList<>(good);
    all.add(1, corrupt);

    JsonObject end = awaitEnd(start(all, 2, 1));

    assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
    String[] state = EmbeddingWorld.assetState(corrupt);
    assertEquals("failed", state[0]);
    assertTrue(
        state[1] != null && state[1].contains(corruptFile.getFileName().toString()), state[1]);
    assertTrue(EmbeddingWorld.embeddedSegments(modelVersion, List.of(corrupt)).isEmpty());
    assertExactlyOnce(good);
    for (long asset : good) {
      assertEquals("embedded", EmbeddingWorld.assetState(asset)[0]);
    }
  }

  @Test
  @Order(5)
  void stopThenRestartEmbedsEverySegmentExactlyOnce() throws Exception {
    List<Long> assets = goodAssets("stop-restart", 8, 12);
    long total = EmbeddingWorld.segmentsOf(assets).size();
    long first = start(assets, 2, 1, 1);
    awaitSomeButNotAll(assets, total);

    HttpResponse<String> stop = ADMIN.post(API + "/jobs/" + first + "/stop", "");
    assertEquals(202, stop.statusCode(), stop.body());
    JsonObject stopped = awaitEnd(first);
    assertEquals("STOPPED", stopped.getString("batchStatus"), stopped.toString());
    long doneAtStop = stopped.getJsonNumber("done").longValue();
    assertTrue(doneAtStop < total, "the job stopped before the end: " + stopped);

    JsonObject end = awaitEnd(restart(first));
    assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
    assertExactlyOnce(assets);
  }

  @Test
  @Order(6)
  void theDatabaseGoingAwayFailsTheJobAndARestartFinishesIt() throws Exception {
    List<Long> assets = goodAssets("database-away", 8, 12);
    long total = EmbeddingWorld.segmentsOf(assets).size();
    long first = start(assets, 2, 1, 1);
    awaitSomeButNotAll(assets, total);

    assertTrue(EmbeddingWorld.terminateServerConnections() > 0);
    JsonObject failed = awaitEnd(first);
    assertEquals("FAILED", failed.getString("batchStatus"), failed.toString());
    assertTrue(
        EmbeddingWorld.embeddedSegments(modelVersion, assets).size() < total,
        "the outage came before the end");

    JsonObject end = awaitEnd(restart(first));
    assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
    assertExactlyOnce(assets);
  }

  @Test
  @Order(7)
  void afterTheApplicationRestartsInTheServerTheNativeEngineStillEmbeds() throws Exception {
    restartApplication();
    List<Long> assets = goodAssets("after-restart", 2, 4);
    JsonObject end = awaitEnd(start(assets, 1, 2));
    assertEquals("COMPLETED", end.getString("batchStatus"), end.toString());
    assertExactlyOnce(assets);
    Path messages = serverDirectory().resolve("logs/messages.log");
    for (String line : LibertyServer.lines(messages)) {
      assertFalse(line.contains("UnsatisfiedLinkError"), line);
      assertFalse(line.contains("already loaded in another classloader"), line);
    }
  }

  @Test
  @Order(8)
  void activationCreatesAnHnswIndexThatPgvectorUses() throws Exception {
    long version = activeVersion();
    try (Connection connection = TestDatabase.connect();
        Statement statement = connection.createStatement()) {
      // On a small table the planner rightly prefers a btree plus a sort; with sorting and the
      // other scans priced out (settings local to this transaction) the question is whether
      // pgvector can serve the version's ordered nearest-neighbour query from its HNSW index.
      connection.setAutoCommit(false);
      statement.execute("set local enable_seqscan = off");
      statement.execute("set local enable_bitmapscan = off");
      statement.execute("set local enable_sort = off");
      String query = "[" + "0.1,".repeat(TinyBundles.DIMENSION - 1) + "0.1]";
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows =
          statement.executeQuery(
              "explain select segment_id from segment_embedding where model_version_id = "
                  + version
                  + " order by embedding::vector("
                  + TinyBundles.DIMENSION
                  + ") <=> '"
                  + query
                  + "'::vector("
                  + TinyBundles.DIMENSION
                  + ") limit 5")) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      connection.rollback();
      assertTrue(
          plan.toString().contains("Index Scan using segment_embedding_hnsw_v" + version),
          plan.toString());
    }
  }

  @Test
  @Order(9)
  void aVersionWhoseBundleNoLongerMatchesItsRegistrationIsRefused() throws Exception {
    // As if the files under the version's path had been replaced after registration.
    String name = "swapped-" + UUID.randomUUID();
    TinyBundles.write(name, "EmbedCatalogIT");
    HttpResponse<String> registered =
        ADMIN.post(
            API + "/model-versions",
            "{\"name\": \"" + name + "\", \"bundlePath\": \"" + name + "\"}");
    assertEquals(201, registered.statusCode(), registered.body());
    long swapped = json(registered).asJsonObject().getJsonNumber("id").longValue();
    try (Connection connection = TestDatabase.connect();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "update model_version set bundle_sha256 = '"
              + "0".repeat(64)
              + "' where id = "
              + swapped);
    }
    try {
      List<Long> assets = goodAssets("swapped-bundle", 1, 3);
      HttpResponse<String> started =
          ADMIN.post(
              API + "/jobs/embed-catalog",
              "{\"modelVersion\": " + swapped + ", \"assets\": [" + assets.get(0) + "]}");
      assertEquals(202, started.statusCode(), started.body());
      JsonObject end =
          awaitEnd(json(started).asJsonObject().getJsonNumber("executionId").longValue());
      assertEquals("FAILED", end.getString("batchStatus"), end.toString());
      assertEquals(0, EmbeddingWorld.embeddedSegments(swapped, assets).size());
      assertEquals(
          "segmented", EmbeddingWorld.assetState(assets.get(0))[0], "the asset is not to blame");
      String mismatch = "are not the ones registered (" + "0".repeat(64);
      try (Stream<Path> logs = Files.walk(serverDirectory().resolve("logs"))) {
        assertTrue(
            logs.filter(Files::isRegularFile)
                .anyMatch(
                    log -> LibertyServer.lines(log).stream().anyMatch(l -> l.contains(mismatch))),
            "the server's or the job's log names the mismatch");
      }
    } finally {
      try (Connection connection = TestDatabase.connect();
          Statement statement = connection.createStatement()) {
        statement.executeUpdate("delete from model_version where id = " + swapped);
      }
    }
  }

  /** Removes what the tests wrote: assets (segments and embeddings follow), version, index. */
  @AfterAll
  static void removeTheTestCatalogue() throws Exception {
    try (Connection connection = TestDatabase.connect();
        Statement statement = connection.createStatement()) {
      if (!createdAssets.isEmpty()) {
        statement.executeUpdate(
            "delete from media_asset where id in ("
                + createdAssets.stream().map(String::valueOf).collect(Collectors.joining(","))
                + ")");
      }
      if (modelVersion != 0) {
        statement.executeUpdate("drop index if exists segment_embedding_hnsw_v" + modelVersion);
        statement.executeUpdate("delete from model_version where id = " + modelVersion);
      }
    }
  }

  // --- the model version -------------------------------------------------------------------

  /** One tiny random bundle, registered and activated through the API once for the class. */
  private static synchronized long activeVersion() throws Exception {
    if (modelVersion == 0) {
      String name = "embed-it-" + UUID.randomUUID();
      TinyBundles.write(name, "EmbedCatalogIT");
      HttpResponse<String> registered =
          ADMIN.post(
              API + "/model-versions",
              "{\"name\": \"" + name + "\", \"bundlePath\": \"" + name + "\"}");
      assertEquals(201, registered.statusCode(), registered.body());
      JsonObject version = json(registered).asJsonObject();
      assertEquals("candidate", version.getString("status"));
      assertEquals(TinyBundles.DIMENSION, version.getInt("dimension"));
      long id = version.getJsonNumber("id").longValue();
      HttpResponse<String> activated =
          ADMIN.post(API + "/model-versions/" + id + "/activation", "");
      assertEquals(200, activated.statusCode(), activated.body());
      assertEquals("active", json(activated).asJsonObject().getString("status"));
      modelVersion = id;
    }
    return modelVersion;
  }

  // --- the job -------------------------------------------------------------------------------

  private static long start(List<Long> assets, int partitions, int chunkSize) throws Exception {
    return start(assets, partitions, chunkSize, 16);
  }

  private static long start(List<Long> assets, int partitions, int chunkSize, int segmentsPerItem)
      throws Exception {
    activeVersion();
    String body =
        "{\"partitions\": "
            + partitions
            + ", \"chunkSize\": "
            + chunkSize
            + ", \"segmentsPerItem\": "
            + segmentsPerItem
            + ", \"assets\": ["
            + assets.stream().map(String::valueOf).collect(Collectors.joining(","))
            + "]}";
    HttpResponse<String> started = ADMIN.post(API + "/jobs/embed-catalog", body);
    assertEquals(202, started.statusCode(), started.body());
    return json(started).asJsonObject().getJsonNumber("executionId").longValue();
  }

  private static long restart(long execution) throws Exception {
    HttpResponse<String> restarted = ADMIN.post(API + "/jobs/" + execution + "/restart", "");
    assertEquals(202, restarted.statusCode(), restarted.body());
    return json(restarted).asJsonObject().getJsonNumber("executionId").longValue();
  }

  private static JsonObject awaitEnd(long execution) throws Exception {
    JsonObject status = null;
    for (int attempt = 0; attempt < 600; attempt++) {
      HttpResponse<String> response = ADMIN.get(API + "/jobs/" + execution);
      assertEquals(200, response.statusCode(), response.body());
      status = json(response).asJsonObject();
      String batchStatus = status.getString("batchStatus");
      if (!Set.of("STARTING", "STARTED", "STOPPING").contains(batchStatus)) {
        return status;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("job execution " + execution + " did not end: " + status);
  }

  /** Waits until the job has embedded some of the assets' segments, but not all. */
  private static void awaitSomeButNotAll(List<Long> assets, long total) throws Exception {
    for (int attempt = 0; attempt < 3000; attempt++) {
      int done = EmbeddingWorld.embeddedSegments(modelVersion, assets).size();
      if (done > 0) {
        assertTrue(done < total, "the job ended before it could be interrupted");
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the job embedded nothing within 30 s");
  }

  // --- assertions ----------------------------------------------------------------------------

  /** Every segment of the assets has exactly one embedding of the version, and no other has. */
  private static void assertExactlyOnce(List<Long> assets) throws Exception {
    List<Long> segments = EmbeddingWorld.segmentsOf(assets);
    List<Long> embedded = EmbeddingWorld.embeddedSegments(modelVersion, assets);
    assertEquals(segments.size(), embedded.size(), "one embedding per segment");
    assertEquals(embedded.size(), new HashSet<>(embedded).size(), "no duplicates");
    assertEquals(segments, embedded, "no gaps");
  }

  private static List<Double> norms(List<Long> assets) throws Exception {
    List<Double> norms = new ArrayList<>();
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select vector_norm(e.embedding) from segment_embedding e"
                    + " join segment s on s.id = e.segment_id"
                    + " where e.model_version_id = ? and s.asset_id = any(?)")) {
      statement.setLong(1, modelVersion);
      statement.setArray(2, connection.createArrayOf("bigint", assets.toArray()));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          norms.add(rows.getDouble(1));
        }
      }
    }
    return norms;
  }

  // --- fixtures ------------------------------------------------------------------------------

  private static List<Long> goodAssets(String label, int count, int seconds) throws Exception {
    List<Long> assets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path file =
          EmbeddingWorld.writeVideo(
              videos().resolve(label + "-" + i + "-" + UUID.randomUUID() + ".mp4"), seconds, i);
      assets.add(EmbeddingWorld.addSegmentedAsset(file, seconds));
    }
    createdAssets.addAll(assets);
    return assets;
  }

  private static Path videos() throws Exception {
    return Files.createDirectories(TinyBundles.modelsRoot().resolveSibling("embed-it-videos"));
  }

  /**
   * Restarts the application inside the running server as an operator replacing the EAR does: a new
   * modification time on {@code apps/froster.ear}, which Liberty's application monitor turns into
   * an update (stop, new class loaders, start). Waits until the server says so and the API answers
   * again.
   */
  private static void restartApplication() throws Exception {
    Path server = serverDirectory();
    Path messages = server.resolve("logs/messages.log");
    int before = LibertyServer.lines(messages).size();
    Files.setLastModifiedTime(
        server.resolve("apps/froster.ear"), FileTime.fromMillis(System.currentTimeMillis()));
    for (int attempt = 0; attempt < 360; attempt++) {
      List<String> lines = LibertyServer.lines(messages);
      List<String> since = lines.subList(Math.min(before, lines.size()), lines.size());
      for (String line : since) {
        assertFalse(line.contains("CWWKZ0004E") || line.contains("CWWKZ0002E"), line);
      }
      boolean updated = since.stream().anyMatch(line -> line.contains("CWWKZ0003I"));
      if (updated && HttpClientAs.anonymousGet("/health/ready").statusCode() == 200) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the application was not updated within 180 s of replacing its EAR");
  }
}
