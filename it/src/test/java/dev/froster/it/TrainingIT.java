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
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7, registry and training runs in the real server: a CLIP checkpoint import (and a file that
 * is not one), dataset registration, a tiny {@code froster-train} run that registers a candidate
 * with metrics and curves but fails the gate (the active version stays), and a run stopped half-way
 * whose restart resumes from its checkpoint, passes the gate and is promoted (re-embedding, then
 * the switch).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingIT {

  private static final String API = "/froster/api/v1";
  private static final HttpClientAs ADMIN = HttpClientAs.user("admin");
  private static final HttpClientAs ARCHIVIST = HttpClientAs.user("archivist");
  private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

  private static Path tinyBundle;
  private static long activeVersion;

  @Deployment(testable = false)
  static EnterpriseArchive froster() {
    return ShrinkWrap.create(ZipImporter.class, "froster.ear")
        .importFrom(new File(System.getProperty("froster.ear")))
        .as(EnterpriseArchive.class);
  }

  @Test
  @Order(1)
  void aFileThatIsNotAClipCheckpointIsRefusedAndNothingIsRegistered() throws Exception {
    Path notClip = TrainingWorld.writeNotAClipCheckpoint("not-clip-" + SUFFIX);
    String name = "not-clip-" + SUFFIX;
    HttpResponse<String> response =
        ADMIN.post(
            API + "/models/imports",
            "{\"name\": \"" + name + "\", \"checkpointPath\": \"" + notClip + "\"}");
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("not a CLIP checkpoint"), response.body());
    assertFalse(Files.exists(TinyBundles.modelsRoot().resolve("imported").resolve(name)));
    assertFalse(ADMIN.get(API + "/models").body().contains(name), "nothing registered");
  }

  @Test
  @Order(2)
  void aClipCheckpointIsImportedAsABaseVersion() throws Exception {
    tinyBundle = TinyBundles.write("training-tiny-" + SUFFIX, "TrainingIT");
    HttpResponse<String> response =
        ADMIN.post(
            API + "/models/imports",
            "{\"name\": \"clip-"
                + SUFFIX
                + "\", \"checkpointPath\": \""
                + tinyBundle.resolve("weights.safetensors")
                + "\", \"tokenizerPath\": \""
                + tinyBundle.resolve("tokenizer")
                + "\"}");
    assertEquals(201, response.statusCode(), response.body());
    JsonObject base = json(response).asJsonObject();
    assertEquals("base", base.getString("kind"));
    assertEquals("candidate", base.getString("status"));
    assertEquals(TinyBundles.DIMENSION, base.getInt("dimension"));
    assertEquals("OPENAI_SAFETENSORS", base.getJsonObject("trainingConfig").getString("format"));
    HttpResponse<String> read = ARCHIVIST.get(API + "/models/" + base.getInt("id"));
    assertEquals(200, read.statusCode(), read.body());
    assertEquals(403, ARCHIVIST.post(API + "/models/imports", "{}").statusCode());
  }

  @Test
  @Order(3)
  void withoutExamplesARunCannotStartAndAnEmptyClassIsRefused() throws Exception {
    // Only on a database without datasets or review decisions (other ITs leave accepted tags)
    boolean noExamples =
        json(ADMIN.get(API + "/training/datasets")).asJsonObject().getJsonArray("items").isEmpty()
            && json(ADMIN.get(API + "/review/labelled-examples?limit=1"))
                .asJsonObject()
                .getJsonArray("examples")
                .isEmpty();
    if (noExamples) {
      HttpResponse<String> nothing = ADMIN.post(API + "/training/runs", "{}");
      assertEquals(409, nothing.statusCode(), nothing.body());
      assertTrue(nothing.body().contains("no examples"), nothing.body());
    }

    Path lacking = TrainingWorld.writeDatasetWithAnEmptyClass("lacking-" + SUFFIX);
    HttpResponse<String> refused =
        ADMIN.post(
            API + "/training/datasets",
            "{\"name\": \"lacking-" + SUFFIX + "\", \"path\": \"" + lacking + "\"}");
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("'square spinning'"), refused.body());
    assertFalse(ADMIN.get(API + "/training/datasets").body().contains("lacking-" + SUFFIX));

    Path dataset = TrainingWorld.writeDataset("squares-" + SUFFIX);
    HttpResponse<String> registered =
        ADMIN.post(
            API + "/training/datasets",
            "{\"name\": \"squares-" + SUFFIX + "\", \"path\": \"" + dataset + "\"}");
    assertEquals(201, registered.statusCode(), registered.body());

    HttpResponse<String> outOfRange = ADMIN.post(API + "/training/runs", "{\"epochs\": 0}");
    assertEquals(400, outOfRange.statusCode(), outOfRange.body());
  }

  @Test
  @Order(4)
  void aRunRegistersACandidateWithMetricsAndAFailedGateLeavesTheActiveVersion() throws Exception {
    HttpResponse<String> registered =
        ADMIN.post(
            API + "/model-versions",
            "{\"name\": \"active-" + SUFFIX + "\", \"bundlePath\": \"" + tinyBundle + "\"}");
    assertEquals(201, registered.statusCode(), registered.body());
    activeVersion = json(registered).asJsonObject().getInt("id");
    assertEquals(
        200, ADMIN.post(API + "/model-versions/" + activeVersion + "/activation", "").statusCode());

    // novelMargin -1: the candidate would have to beat the teacher's novel accuracy by 100 points
    JsonObject run =
        startRun(
            "{\"epochs\": 1, \"batchSize\": 2, \"checkpointEverySteps\": 1,"
                + " \"learningRate\": 0.001, \"novelMargin\": -1}");
    JsonObject done = awaitEnd(run.getInt("id"));
    assertEquals("completed", done.getString("status"), done.toString());
    assertEquals(
        done.getJsonNumber("totalSteps").longValue(), done.getJsonNumber("step").longValue());
    assertFalse(done.getJsonObject("gate").getBoolean("promote"), done.toString());
    assertTrue(done.getJsonObject("gate").getString("reason").startsWith("failed"));

    long candidate = done.getJsonNumber("candidateId").longValue();
    JsonObject version = json(ADMIN.get(API + "/models/" + candidate)).asJsonObject();
    assertEquals("candidate", version.getString("status"));
    assertEquals("trained", version.getString("kind"));
    assertEquals(activeVersion, version.getJsonNumber("parentId").longValue());
    assertEquals(
        run.getJsonNumber("teacherId").longValue(), version.getJsonNumber("teacherId").longValue());
    JsonObject metrics = version.getJsonObject("metrics");
    for (String figure : List.of("base", "novel", "hm")) {
      double value = metrics.getJsonNumber(figure).doubleValue();
      assertTrue(value >= 0 && value <= 1, figure + " " + value);
    }
    assertEquals(4, metrics.getJsonArray("perClass").size(), metrics.toString());
    assertFalse(metrics.getJsonObject("curves").getJsonArray("steps").isEmpty());
    assertEquals(
        1, version.getJsonObject("trainingConfig").getJsonObject("settings").getInt("epochs"));

    JsonObject active = json(ADMIN.get(API + "/models/" + activeVersion)).asJsonObject();
    assertEquals("active", active.getString("status"), "the failed gate left the active version");
  }

  @Test
  @Order(5)
  void aRunStoppedHalfWayResumesFromItsCheckpoint() throws Exception {
    JsonObject run =
        startRun(
            "{\"epochs\": 8, \"batchSize\": 1, \"checkpointEverySteps\": 1,"
                + " \"learningRate\": 0.001, \"novelMargin\": 1, \"hmTolerance\": 1}");
    long id = run.getInt("id");
    HttpResponse<String> second = ADMIN.post(API + "/training/runs", "{}");
    assertEquals(409, second.statusCode(), "at most one run at a time: " + second.body());

    JsonObject progressing = awaitStep(id, 2);
    long total = progressing.getJsonNumber("totalSteps").longValue();
    long firstExecution = progressing.getJsonNumber("jobExecutionId").longValue();
    assertEquals(202, ADMIN.post(API + "/training/runs/" + id + "/stop", "").statusCode());
    JsonObject stopped = awaitEnd(id);
    assertEquals("stopped", stopped.getString("status"), stopped.toString());
    long stoppedAt = stopped.getJsonNumber("step").longValue();
    assertTrue(stoppedAt >= 2 && stoppedAt < total, stoppedAt + " of " + total);

    HttpResponse<String> restarted = ADMIN.post(API + "/training/runs/" + id + "/restart", "");
    assertEquals(202, restarted.statusCode(), restarted.body());
    JsonObject done = awaitEnd(id);
    assertEquals("completed", done.getString("status"), done.toString());
    assertEquals(total, done.getJsonNumber("step").longValue());
    assertTrue(done.getJsonNumber("jobExecutionId").longValue() != firstExecution);
    assertEquals(stoppedAt, loggedResumeStep(id), "the restart resumed from the checkpoint");
    assertTrue(done.getJsonObject("gate").getBoolean("promote"), done.toString());
    JsonObject promotion = done.getJsonObject("gate").getJsonObject("promotion");
    assertTrue(promotion.getBoolean("started"), "the gate handed the candidate to promotion");
    long promoted = done.getJsonNumber("candidateId").longValue();
    String status = "candidate";
    long deadline = System.currentTimeMillis() + 300_000;
    while (!status.equals("active") && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
      status = json(ADMIN.get(API + "/models/" + promoted)).asJsonObject().getString("status");
    }
    assertEquals("active", status, "re-embedding completed and switched to the candidate");
    assertEquals(
        "retired",
        json(ADMIN.get(API + "/models/" + activeVersion)).asJsonObject().getString("status"));
    JsonObject steps =
        json(ADMIN.get(API + "/models/" + done.getJsonNumber("candidateId").longValue()))
            .asJsonObject();
    assertEquals(
        total,
        steps.getJsonObject("metrics").getJsonObject("curves").getJsonArray("steps").size(),
        "every step recorded once");
  }

  private static JsonObject startRun(String body) throws Exception {
    HttpResponse<String> started = ADMIN.post(API + "/training/runs", body);
    assertEquals(202, started.statusCode(), started.body());
    return json(started).asJsonObject();
  }

  private static JsonObject awaitEnd(long id) throws Exception {
    long deadline = System.currentTimeMillis() + 300_000;
    while (System.currentTimeMillis() < deadline) {
      JsonObject run = json(ADMIN.get(API + "/training/runs/" + id)).asJsonObject();
      if (!run.getString("status").equals("running")) {
        return run;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("training run " + id + " did not end in 5 minutes");
  }

  private static JsonObject awaitStep(long id, long step) throws Exception {
    long deadline = System.currentTimeMillis() + 300_000;
    while (System.currentTimeMillis() < deadline) {
      JsonObject run = json(ADMIN.get(API + "/training/runs/" + id)).asJsonObject();
      if (run.getJsonNumber("step").longValue() >= step) {
        return run;
      }
      assertEquals("running", run.getString("status"), run.toString());
      Thread.sleep(200);
    }
    throw new AssertionError("training run " + id + " did not reach step " + step);
  }

  /** The step the last train stage of the run resumed from, as the server logged it. */
  private static long loggedResumeStep(long id) throws Exception {
    Pattern line =
        Pattern.compile(
            "training run " + id + " trained to step \\d+ of \\d+ \\(resumed from (\\d+)\\)");
    Path messages =
        Path.of(
            System.getProperty("froster.wlp.home"),
            "usr/servers",
            System.getProperty("froster.server", "froster-it"),
            "logs/messages.log");
    long resumed = -1;
    for (String logged : LibertyServer.lines(messages)) {
      Matcher matcher = line.matcher(logged);
      if (matcher.find()) {
        resumed = Long.parseLong(matcher.group(1));
      }
    }
    return resumed;
  }
}
