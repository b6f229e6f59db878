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
import java.util.Optional;
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
 * read back from the database) and fires, starting a run through TrainingRuns with the tiny
 * configuration (ScheduledTraining) that completes and registers a candidate with metrics; the
 * gate, set to fail, leaves the active version.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduleIT {

  private static final String API = "/froster/api/v1";
  private static final String SCHEDULES = API + "/training/schedules";
  private static final HttpClientAs ADMIN = HttpClientAs.user("admin");
  private static final HttpClientAs ARCHIVIST = HttpClientAs.user("archivist");
  private static final String EVERY_MINUTE = "0 * * * * ?";

  private static long schedule;
  private static Instant firstFireTime;
  private static long teacher;
  private static Optional<Long> activeBefore;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  /** The run the schedule started; stopped after the tests should a test fail while it runs. */
  private static Long startedRun;

  /** A run started by hand to keep a later firing from starting one; stopped by the test. */
  private static Long blockingRun;

  @AfterAll
  static void removeTheSchedulesAndTheTinyRunSettings() throws Exception {
    if (startedRun != null) {
      ScheduledTraining.stopAndAbandonIfRunning(startedRun);
    }
    if (blockingRun != null) {
      ScheduledTraining.stopAndAbandonIfRunning(blockingRun);
    }
    ScheduledTraining.removeTinyRunSettings(serverDirectory());
    try (Connection connection = TestDatabase.connect()) {
      connection
          .createStatement()
          .executeUpdate("delete from training_schedule where name like 'schedule-it-%'");
      // Later runs (TrainingIT) train on what is registered: leave them the training set they had
      connection
          .createStatement()
          .executeUpdate("delete from training_dataset where name like 'schedule-squares-%'");
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
  void theServerHasATinyDatasetTeacherAndRunSettingsToTrainWith() throws Exception {
    teacher = ScheduledTraining.registerDatasetAndTeacher();
    activeBefore = ScheduledTraining.activeVersion();
    ScheduledTraining.configureTinyRuns(serverDirectory(), teacher);
  }

  @Test
  @Order(3)
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
  @Order(4)
  void theScheduleOutlivesAnApplicationRestartAndFiresThroughTrainingRuns() throws Exception {
    restartApplication();
    JsonObject afterRestart = find(schedule);
    if (afterRestart.getJsonArray("recentFirings").isEmpty()) {
      assertEquals(firstFireTime, fireTimes(afterRestart).get(0), afterRestart.toString());
    }

    JsonObject fired = awaitFiring(schedule);
    JsonObject firing = fired.getJsonArray("recentFirings").getJsonObject(0);
    assertEquals(firstFireTime, Instant.parse(firing.getString("dueAt")), fired.toString());
    // JSON-B leaves a null runId out: a skipped firing fails here, with its reason
    assertTrue(firing.containsKey("runId") && !firing.isNull("runId"), fired.toString());
    long run = firing.getJsonNumber("runId").longValue();
    startedRun = run;
    // The next firing (a minute on) must not start a second run once this one has ended
    JsonObject disabled =
        json(ADMIN.post(SCHEDULES + "/" + schedule + "/disable", "")).asJsonObject();
    assertFalse(disabled.getBoolean("enabled"), disabled.toString());
    assertEquals("started run " + run, firing.getString("outcome"));
    assertEquals("schedule:" + schedule, runTrigger(run));
    assertTrue(
        fireTimes(fired).get(0).isAfter(firstFireTime), "the next fire time moved on: " + fired);
    List<String> logged =
        LibertyServer.lines(serverDirectory().resolve("logs/messages.log")).stream()
            .filter(line -> line.contains("training schedule " + schedule))
            .toList();
    assertFalse(logged.isEmpty(), "the firing is logged");
  }

  @Test
  @Order(5)
  void theScheduledRunCompletesAndRegistersACandidateAndTheFailedGateKeepsTheActiveVersion()
      throws Exception {
    JsonObject done = ScheduledTraining.awaitEnd(startedRun);
    assertEquals("completed", done.getString("status"), done.toString());
    assertEquals(
        done.getJsonNumber("totalSteps").longValue(), done.getJsonNumber("step").longValue());
    assertEquals(teacher, done.getJsonNumber("teacherId").longValue(), done.toString());
    assertFalse(done.getJsonObject("gate").getBoolean("promote"), done.toString());
    assertTrue(done.getJsonObject("gate").getString("reason").startsWith("failed"));

    long candidate = done.getJsonNumber("candidateId").longValue();
    JsonObject version = json(ADMIN.get(API + "/models/" + candidate)).asJsonObject();
    assertEquals("candidate", version.getString("status"), version.toString());
    assertEquals("trained", version.getString("kind"));
    assertEquals(teacher, version.getJsonNumber("teacherId").longValue());
    if (activeBefore.isPresent()) {
      assertEquals(activeBefore.get(), version.getJsonNumber("parentId").longValue());
    } else {
      assertFalse(version.containsKey("parentId") && !version.isNull("parentId"), "no parent");
    }
    JsonObject settings = version.getJsonObject("trainingConfig").getJsonObject("settings");
    assertEquals(1, settings.getInt("epochs"), "the tiny settings reached the scheduled run");
    assertEquals(2, settings.getInt("batchSize"), settings.toString());
    JsonObject metrics = version.getJsonObject("metrics");
    for (String figure : List.of("base", "novel", "hm")) {
      double value = metrics.getJsonNumber(figure).doubleValue();
      assertTrue(value >= 0 && value <= 1, figure + " " + value);
    }
    assertTrue(metrics.getJsonArray("perClass").size() >= 4, metrics.toString());
    assertFalse(metrics.getJsonObject("curves").getJsonArray("steps").isEmpty());

    assertEquals(activeBefore, ScheduledTraining.activeVersion(), "the active version stayed");
  }

  @Test
  @Order(6)
  void aFiringWhileARunIsRunningIsSkippedAndStartsNothing() throws Exception {
    // 20,000 epochs of single videos would run for hours (100 epochs took 29 s on a quiet
    // machine, less than the minute to the next firing): the run is still going when it fires
    HttpResponse<String> started =
        ADMIN.post(
            API + "/training/runs",
            "{\"epochs\": 20000, \"batchSize\": 1, \"checkpointEverySteps\": 1,"
                + " \"learningRate\": 0.001}");
    assertEquals(202, started.statusCode(), started.body());
    blockingRun = json(started).asJsonObject().getJsonNumber("id").longValue();
    JsonObject enabled =
        json(ADMIN.post(SCHEDULES + "/" + schedule + "/enable", "")).asJsonObject();
    assertTrue(enabled.getBoolean("enabled"), enabled.toString());

    JsonObject fired = awaitFirings(schedule, 2);
    JsonObject skipped = fired.getJsonArray("recentFirings").getJsonObject(0);
    ADMIN.post(SCHEDULES + "/" + schedule + "/disable", "");
    assertFalse(skipped.containsKey("runId") && !skipped.isNull("runId"), fired.toString());
    assertTrue(skipped.getString("outcome").startsWith("skipped: "), fired.toString());
    assertTrue(skipped.getString("outcome").contains("is running"), fired.toString());
    assertEquals(1, runsTriggeredBy("schedule:" + schedule), "the skipped firing started no run");

    assertEquals(202, ADMIN.post(API + "/training/runs/" + blockingRun + "/stop", "").statusCode());
    assertEquals("stopped", ScheduledTraining.awaitEnd(blockingRun).getString("status"));
    assertEquals(
        200, ADMIN.post(API + "/training/runs/" + blockingRun + "/abandon", "").statusCode());
  }

  @Test
  @Order(7)
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

  private static JsonObject awaitFiring(long id) throws Exception {
    return awaitFirings(id, 1);
  }

  /**
   * Waits (at most two and a half minutes: cron every minute, timer every minute) until the
   * schedule has fired {@code count} times.
   */
  private static JsonObject awaitFirings(long id, int count) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
    while (Instant.now().isBefore(deadline)) {
      JsonObject schedule = find(id);
      if (schedule.getJsonArray("recentFirings").size() >= count) {
        return schedule;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("the schedule did not fire: " + find(id));
  }

  private static long storedNamed(String name) throws Exception {
    return count("select count(*) from training_schedule where name = ?", name);
  }

  private static long runsTriggeredBy(String trigger) throws Exception {
    return count("select count(*) from training_run where trigger = ?", trigger);
  }

  private static long count(String sql, String parameter) throws Exception {
    try (Connection connection = TestDatabase.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
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
