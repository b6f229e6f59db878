package dev.froster.it;

import static dev.froster.it.HttpClientAs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
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
 * Issue 7, item 4, in the real server: retraining schedules with cron expressions; a bad expression
 * is refused with nothing stored; a schedule outlives an application restart (its next fire time is
 * read back from the database) and fires, starting a run through TrainingRuns and recording the
 * outcome.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduleIT {

  private static final String SCHEDULES = "/froster/api/v1/training/schedules";
  private static final HttpClientAs ADMIN = HttpClientAs.user("admin");
  private static final HttpClientAs ARCHIVIST = HttpClientAs.user("archivist");
  private static final String EVERY_MINUTE = "0 * * * * ?";

  private static long schedule;
  private static Instant firstFireTime;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  /** A run the schedule started (when TrainingRuns is deployed), stopped after the tests. */
  private static Long startedRun;

  @AfterAll
  static void removeTheSchedules() throws Exception {
    if (startedRun != null) {
      stopAndAbandon(startedRun);
    }
    try (Connection connection = TestDatabase.connect()) {
      connection
          .createStatement()
          .executeUpdate("delete from training_schedule where name like 'schedule-it-%'");
    }
  }

  @Test
  @Order(1)
  void anInvalidCronExpressionIsABadRequestNamingTheFieldAndNothingIsStored() throws Exception {
    String name = "schedule-it-invalid-" + UUID.randomUUID();
    for (String cron : List.of("* * * * *", "0 0 25 * * ?", "0 0 2 * * MON", "nightly")) {
      HttpResponse<String> refused =
          ADMIN.post(SCHEDULES, "{\"name\": \"" + name + "\", \"cron\": \"" + cron + "\"}");
      assertEquals(400, refused.statusCode(), refused.body());
      JsonObject problem = json(refused).asJsonObject();
      assertEquals("urn:froster:problem:invalid-schedule", problem.getString("type"));
      assertTrue(problem.getString("detail").startsWith("cron: "), refused.body());
    }
    HttpResponse<String> noName = ADMIN.post(SCHEDULES, "{\"cron\": \"" + EVERY_MINUTE + "\"}");
    assertEquals(400, noName.statusCode(), noName.body());
    assertTrue(json(noName).asJsonObject().getString("detail").startsWith("name: "));
    assertEquals(0, storedNamed(name));
    HttpResponse<String> archivist =
        ARCHIVIST.post(SCHEDULES, "{\"name\": \"x\", \"cron\": \"" + EVERY_MINUTE + "\"}");
    assertEquals(403, archivist.statusCode(), archivist.body());
  }

  @Test
  @Order(2)
  void aScheduleListsItsNextFireTimes() throws Exception {
    HttpResponse<String> created =
        ADMIN.post(
            SCHEDULES,
            "{\"name\": \"schedule-it-"
                + UUID.randomUUID()
                + "\", \"cron\": \""
                + EVERY_MINUTE
                + "\"}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject body = json(created).asJsonObject();
    schedule = body.getJsonNumber("id").longValue();
    assertTrue(
        created
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .endsWith(SCHEDULES + "/" + schedule));
    assertTrue(body.getBoolean("enabled"));
    List<Instant> next = fireTimes(body);
    assertEquals(3, next.size(), body.toString());
    firstFireTime = next.get(0);
    assertTrue(firstFireTime.isAfter(Instant.now().minusSeconds(5)), body.toString());
    assertTrue(firstFireTime.isBefore(Instant.now().plusSeconds(61)), body.toString());
    assertEquals(firstFireTime.plusSeconds(60), next.get(1));
    assertEquals(firstFireTime.plusSeconds(120), next.get(2));

    HttpResponse<String> invalidUpdate =
        ADMIN.put(
            SCHEDULES + "/" + schedule,
            "{\"name\": \"" + body.getString("name") + "\", \"cron\": \"0 0 2 * * MON\"}");
    assertEquals(400, invalidUpdate.statusCode(), invalidUpdate.body());
    assertEquals(EVERY_MINUTE, find(schedule).getString("cron"), "nothing of it was stored");

    JsonObject disabled =
        json(ADMIN.post(SCHEDULES + "/" + schedule + "/disable", "")).asJsonObject();
    assertFalse(disabled.getBoolean("enabled"));
    assertTrue(fireTimes(disabled).isEmpty());
    JsonObject enabled =
        json(ADMIN.post(SCHEDULES + "/" + schedule + "/enable", "")).asJsonObject();
    assertTrue(enabled.getBoolean("enabled"));
    firstFireTime = fireTimes(enabled).get(0);
  }

  @Test
  @Order(3)
  void theScheduleOutlivesAnApplicationRestartAndFiresThroughTrainingRuns() throws Exception {
    restartApplication();
    JsonObject afterRestart = find(schedule);
    if (afterRestart.getJsonArray("recentFirings").isEmpty()) {
      assertEquals(firstFireTime, fireTimes(afterRestart).get(0), afterRestart.toString());
    }

    JsonObject fired = awaitFiring(schedule);
    JsonObject firing = fired.getJsonArray("recentFirings").getJsonObject(0);
    assertEquals(firstFireTime, Instant.parse(firing.getString("dueAt")), fired.toString());
    String outcome = firing.getString("outcome");
    // JSON-B leaves a null runId out
    if (!firing.containsKey("runId") || firing.isNull("runId")) {
      assertTrue(outcome.startsWith("skipped: "), outcome);
    } else {
      long run = firing.getJsonNumber("runId").longValue();
      startedRun = run;
      assertEquals("started run " + run, outcome);
      assertEquals("schedule:" + schedule, runTrigger(run));
    }
    assertTrue(
        fireTimes(fired).get(0).isAfter(firstFireTime), "the next fire time moved on: " + fired);
    List<String> logged =
        LibertyServer.lines(serverDirectory().resolve("logs/messages.log")).stream()
            .filter(line -> line.contains("training schedule " + schedule))
            .toList();
    assertFalse(logged.isEmpty(), "the firing is logged");
  }

  @Test
  @Order(4)
  void deletingAScheduleRemovesItAndItsFirings() throws Exception {
    HttpResponse<String> deleted = delete(SCHEDULES + "/" + schedule);
    assertEquals(204, deleted.statusCode(), deleted.body());
    assertEquals(404, ADMIN.get(SCHEDULES + "/" + schedule).statusCode());
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement(
                "select count(*) from training_schedule_firing where schedule_id = ?")) {
      statement.setLong(1, schedule);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        assertEquals(0, rows.getLong(1));
      }
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  private static JsonObject find(long id) throws Exception {
    HttpResponse<String> response = ADMIN.get(SCHEDULES + "/" + id);
    assertEquals(200, response.statusCode(), response.body());
    return json(response).asJsonObject();
  }

  private static List<Instant> fireTimes(JsonObject schedule) {
    JsonArray times = schedule.getJsonArray("nextFireTimes");
    return times.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(time -> Instant.parse(time.getString()))
        .toList();
  }

  /** Waits (at most two and a half minutes: cron every minute, timer every minute) for a firing. */
  private static JsonObject awaitFiring(long id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
    while (Instant.now().isBefore(deadline)) {
      JsonObject schedule = find(id);
      if (!schedule.getJsonArray("recentFirings").isEmpty()) {
        return schedule;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("the schedule did not fire: " + find(id));
  }

  private static long storedNamed(String name) throws Exception {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement("select count(*) from training_schedule where name = ?")) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /**
   * Stops a run the schedule started and gives it up, so that later tests may start runs (one at a
   * time).
   */
  private static void stopAndAbandon(long run) throws Exception {
    ADMIN.post("/froster/api/v1/training/runs/" + run + "/stop", "");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> status = ADMIN.get("/froster/api/v1/training/runs/" + run);
      if (status.statusCode() != 200
          || !"running".equals(json(status).asJsonObject().getString("status"))) {
        break;
      }
      Thread.sleep(1000);
    }
    ADMIN.post("/froster/api/v1/training/runs/" + run + "/abandon", "");
  }

  private static String runTrigger(long run) throws Exception {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement =
            connection.prepareStatement("select trigger from training_run where id = ?")) {
      statement.setLong(1, run);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static HttpResponse<String> delete(String path) throws Exception {
    String password = System.getenv("FROSTER_ADMIN_PASSWORD");
    String basic =
        Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(HttpClientAs.server(path))
                .header("Authorization", "Basic " + basic)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static Path serverDirectory() {
    return Path.of(
        System.getProperty("froster.wlp.home"),
        "usr/servers",
        System.getProperty("froster.server", "froster-it"));
  }

  /** Replaces the EAR's modification time, as an operator redeploying does; waits until ready. */
  private static void restartApplication() throws Exception {
    Path server = serverDirectory();
    Path messages = server.resolve("logs/messages.log");
    int before = LibertyServer.lines(messages).size();
    Files.setLastModifiedTime(
        server.resolve("apps/froster.ear"), FileTime.fromMillis(System.currentTimeMillis()));
    for (int attempt = 0; attempt < 360; attempt++) {
      List<String> lines = LibertyServer.lines(messages);
      List<String> since = lines.subList(Math.min(before, lines.size()), lines.size());
      boolean updated = since.stream().anyMatch(line -> line.contains("CWWKZ0003I"));
      if (updated && HttpClientAs.anonymousGet("/health/ready").statusCode() == 200) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the application was not updated within 180 s");
  }
}
