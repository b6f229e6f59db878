package dev.froster.it;

import static dev.froster.it.HttpClientAs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a scheduled run needs to train with the tiny configuration. A schedule starts its run with
 * no overrides ({@code TrainingRuns.start("schedule:<id>")}), so the settings TrainingIT passes per
 * run are given here as Liberty variables (MicroProfile Config reads them when the run starts) in a
 * configDropins file of the test server, removed again after the test: one epoch of batches of two,
 * a checkpoint every step, the imported tiny CLIP as teacher, and a novel margin of -1 so that the
 * gate deterministically keeps the active version (the candidate would have to beat the teacher's
 * novel accuracy by 100 points).
 */
final class ScheduledTraining {

  private static final String API = "/froster/api/v1";
  private static final HttpClientAs ADMIN = HttpClientAs.user("admin");
  private static final String DROPIN = "schedule-it-training.xml";

  private ScheduledTraining() {}

  /** Registers a fresh tiny dataset (TrainingWorld) and imports a tiny CLIP as a base version. */
  static long registerDatasetAndTeacher() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Path dataset = TrainingWorld.writeDataset("schedule-squares-" + suffix);
    HttpResponse<String> registered =
        ADMIN.post(
            API + "/training/datasets",
            "{\"name\": \"schedule-squares-" + suffix + "\", \"path\": \"" + dataset + "\"}");
    assertEquals(201, registered.statusCode(), registered.body());

    Path bundle = TinyBundles.write("schedule-tiny-" + suffix, "ScheduledTraining");
    HttpResponse<String> imported =
        ADMIN.post(
            API + "/models/imports",
            "{\"name\": \"schedule-clip-"
                + suffix
                + "\", \"checkpointPath\": \""
                + bundle.resolve("weights.safetensors")
                + "\", \"tokenizerPath\": \""
                + bundle.resolve("tokenizer")
                + "\"}");
    assertEquals(201, imported.statusCode(), imported.body());
    JsonObject base = json(imported).asJsonObject();
    assertEquals("base", base.getString("kind"));
    return base.getJsonNumber("id").longValue();
  }

  /** Writes the tiny run settings as Liberty variables and waits until the server applied them. */
  static void configureTinyRuns(Path server, long teacher) throws Exception {
    String variables =
        "<server>\n"
            + variable("froster.training.teacher", Long.toString(teacher))
            + variable("froster.training.epochs", "1")
            + variable("froster.training.batch-size", "2")
            + variable("froster.training.checkpoint-every-steps", "1")
            + variable("froster.training.learning-rate", "0.001")
            + variable("froster.training.gate.novel-margin", "-1")
            + "</server>\n";
    Path overrides = Files.createDirectories(server.resolve("configDropins/overrides"));
    updateConfiguration(server, () -> Files.writeString(overrides.resolve(DROPIN), variables));
  }

  /** Removes the tiny run settings (if written) and waits until the server applied that. */
  static void removeTinyRunSettings(Path server) throws Exception {
    Path dropin = server.resolve("configDropins/overrides").resolve(DROPIN);
    if (Files.exists(dropin)) {
      updateConfiguration(server, () -> Files.delete(dropin));
    }
  }

  /** The active model version's id, if there is one. */
  static Optional<Long> activeVersion() throws Exception {
    try (Connection connection = TestDatabase.connect();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery("select id from model_version where status = 'active'")) {
      return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
    }
  }

  /** The run's details once it is no longer running (at most five minutes). */
  static JsonObject awaitEnd(long run) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      JsonObject details = json(ADMIN.get(API + "/training/runs/" + run)).asJsonObject();
      if (!details.getString("status").equals("running")) {
        return details;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("training run " + run + " did not end in 5 minutes");
  }

  /**
   * Stops a run that is still running (a test that failed half-way) and gives it up, so that later
   * tests may start runs (one at a time).
   */
  static void stopAndAbandonIfRunning(long run) throws Exception {
    HttpResponse<String> status = ADMIN.get(API + "/training/runs/" + run);
    if (status.statusCode() != 200
        || !"running".equals(json(status).asJsonObject().getString("status"))) {
      return;
    }
    ADMIN.post(API + "/training/runs/" + run + "/stop", "");
    awaitEnd(run);
    ADMIN.post(API + "/training/runs/" + run + "/abandon", "");
  }

  private static String variable(String name, String value) {
    return "  <variable name=\"" + name + "\" value=\"" + value + "\"/>\n";
  }

  private interface FileChange {
    void apply() throws Exception;
  }

  /**
   * Applies a change to the server's configuration files and waits for Liberty's configuration
   * monitor to report it (CWWKG0017I updated, CWWKG0018I nothing functional changed).
   */
  private static void updateConfiguration(Path server, FileChange change) throws Exception {
    Path messages = server.resolve("logs/messages.log");
    int before = LibertyServer.lines(messages).size();
    change.apply();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      List<String> lines = LibertyServer.lines(messages);
      if (lines.subList(Math.min(before, lines.size()), lines.size()).stream()
          .anyMatch(line -> line.contains("CWWKG0017I") || line.contains("CWWKG0018I"))) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the server did not apply the configuration change within 60 s");
  }
}
