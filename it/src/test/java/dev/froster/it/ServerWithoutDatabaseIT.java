package dev.froster.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 2, "database unreachable at start": the froster server with the real EAR, started while
 * nothing listens on its database port, comes up, says why it is not ready (once, without stack
 * traces), and turns ready by itself once the database can be reached, without a restart.
 *
 * <p>The database port is a {@link TcpForwarder} to the real PostgreSQL that is closed at first.
 * The server is the second one the build creates ({@code froster-without-database}, the application
 * deployed from {@code apps/} as under {@code ./froster run}); this test starts and stops it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerWithoutDatabaseIT {

  private static final long RETRY_SECONDS = 2;
  private static final Duration SERVER_START = Duration.ofSeconds(240);
  private static final Duration RECOVERY = Duration.ofSeconds(60);
  private static final Pattern APPLICATION_STARTED =
      Pattern.compile("CWWKZ0001I: Application froster started");
  private static final Pattern APPLICATION_FAILED = Pattern.compile("CWWKZ000[24]E");
  private static final Pattern NOT_READY_WARNING = Pattern.compile("Database not ready");

  /** "An FFDC Incident has been created: ..." */
  private static final String FFDC_NOTE = "FFDC1015I";

  /** A line of a Java stack trace, as Liberty prints one into its logs. */
  private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.]+\\(");

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static LibertyServer server;
  private static TcpForwarder database;
  private static int databasePort;

  @BeforeAll
  static void startTheServerWhileTheDatabasePortIsClosed() throws Exception {
    databasePort = TcpForwarder.unusedLoopbackPort(LOOPBACK);
    server =
        new LibertyServer(
            Path.of(System.getProperty("froster.wlp.home")),
            System.getProperty("froster.nodb.server"));
    server.start(
        Map.of(
            "FROSTER_DB_HOST", LOOPBACK.getHostAddress(),
            "FROSTER_DB_PORT", Integer.toString(databasePort),
            // froster.db.retry-seconds, through MicroProfile Config's environment source
            "FROSTER_DB_RETRY_SECONDS", Long.toString(RETRY_SECONDS)),
        SERVER_START);
    server.awaitMessage(APPLICATION_STARTED, APPLICATION_FAILED, SERVER_START);
  }

  @AfterAll
  static void stopTheServer() throws Exception {
    if (database != null) {
      database.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void readinessIsDownWithTheReasonLivenessIsUpAndTheLogStaysQuiet() throws Exception {
    String warning = server.awaitMessage(NOT_READY_WARNING, APPLICATION_FAILED, SERVER_START);
    assertTrue(warning.contains("retrying every " + RETRY_SECONDS + " s"), warning);
    long ffdcIncidents = ffdcIncidents();
    long ffdcNotes = ffdcNotes();

    // Several retry periods, probed the way an orchestrator would, every second.
    JsonObject database = null;
    for (int probe = 0; probe < 4 * RETRY_SECONDS; probe++) {
      HttpResponse<String> ready = get("/health/ready");
      assertEquals(503, ready.statusCode(), ready.body());
      database = check(ready, "database");
      assertEquals("DOWN", database.getString("status"), ready.body());
      Thread.sleep(1_000);
    }
    String reason = database.getJsonObject("data").getString("reason");
    assertTrue(
        reason.contains(LOOPBACK.getHostAddress() + ":" + databasePort)
            && reason.contains("refused"),
        "the reason names the address and the refusal: " + reason);

    HttpResponse<String> live = get("/health/live");
    assertEquals(200, live.statusCode(), live.body());
    assertEquals("UP", json(live).getString("status"), live.body());

    for (Path log : List.of(server.messagesLog(), server.consoleLog())) {
      List<String> lines = LibertyServer.lines(log);
      List<String> aboutTheDatabase =
          lines.stream()
              .filter(ServerWithoutDatabaseIT::mentionsTheFailure)
              .filter(line -> !line.contains(FFDC_NOTE))
              .toList();
      assertEquals(1, aboutTheDatabase.size(), log + ": " + aboutTheDatabase);
      assertTrue(
          NOT_READY_WARNING.matcher(aboutTheDatabase.get(0)).find(), aboutTheDatabase.toString());
      List<String> stackFrames =
          lines.stream().filter(line -> STACK_FRAME.matcher(line).find()).toList();
      assertTrue(stackFrames.isEmpty(), log + " holds a stack trace: " + stackFrames);
    }
    // Liberty records the first failure of a connection in logs/ffdc, once per kind of failure,
    // with a one-line note in messages.log; the retries must not add incidents or notes.
    assertEquals(ffdcIncidents, ffdcIncidents(), "FFDC incidents after several retries");
    assertEquals(ffdcNotes, ffdcNotes(), "FFDC notes in messages.log after several retries");
  }

  @Test
  @Order(2)
  void readinessTurnsUpOnceTheDatabaseIsReachableWithoutARestart() throws Exception {
    database =
        TcpForwarder.open(
            new InetSocketAddress(LOOPBACK, databasePort),
            new InetSocketAddress(
                environment("FROSTER_DB_HOST", "localhost"),
                Integer.parseInt(environment("FROSTER_DB_PORT", "55432"))));
    long opened = System.nanoTime();

    HttpResponse<String> ready = get("/health/ready");
    while (ready.statusCode() != 200 && System.nanoTime() - opened < RECOVERY.toNanos()) {
      Thread.sleep(500);
      ready = get("/health/ready");
    }
    Duration recovery = Duration.ofNanos(System.nanoTime() - opened);

    assertEquals(200, ready.statusCode(), "readiness after " + recovery + ": " + ready.body());
    JsonObject databaseCheck = check(ready, "database");
    assertEquals("UP", databaseCheck.getString("status"), ready.body());
    JsonObject data = databaseCheck.getJsonObject("data");
    assertFalse(data.getString("schemaVersion").isBlank(), ready.body());
    assertFalse(data.getString("pgvector").isBlank(), ready.body());
    server.awaitMessage(
        Pattern.compile("Database schema at version"), APPLICATION_FAILED, Duration.ofSeconds(5));
    // Same server, same application: started once, never restarted.
    assertEquals(
        1,
        LibertyServer.lines(server.messagesLog()).stream()
            .filter(line -> APPLICATION_STARTED.matcher(line).find())
            .count(),
        "application starts in " + server.messagesLog());
    System.out.printf(
        "ServerWithoutDatabaseIT: ready %.1f s after the database port opened (retry every %d s)%n",
        recovery.toMillis() / 1000.0, RETRY_SECONDS);
  }

  /**
   * The reason (it names the address), the data source's messages about the failed connection, or
   * Liberty's own note on a DOWN health check.
   */
  private static boolean mentionsTheFailure(String line) {
    return line.contains(LOOPBACK.getHostAddress() + ":" + databasePort)
        || line.contains("DSRA")
        || line.contains("08001")
        || line.contains("reported a DOWN status");
  }

  private static long ffdcNotes() {
    return LibertyServer.lines(server.messagesLog()).stream()
        .filter(line -> line.contains(FFDC_NOTE))
        .count();
  }

  private static long ffdcIncidents() throws IOException {
    if (!Files.isDirectory(server.ffdcDirectory())) {
      return 0;
    }
    try (Stream<Path> files = Files.list(server.ffdcDirectory())) {
      return files.filter(file -> file.getFileName().toString().startsWith("ffdc_")).count();
    }
  }

  private static String environment(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://localhost:" + System.getProperty("froster.nodb.http.port") + path);
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static JsonObject check(HttpResponse<String> health, String name) {
    return json(health).getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .filter(check -> name.equals(check.getString("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health.body()));
  }
}
