package dev.froster.it.ui;

import dev.froster.it.TinyBundles;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * What the model and training actions of the browser tests work with, made the way PromotionIT and
 * ScheduleIT make theirs (through the REST API and SQL, never through the pages under test): tiny
 * random versions registered as candidates, assets of real H.264 videos with 2 s segments for a
 * promotion to re-embed, a tiny training dataset of moving squares, and the tiny run settings as
 * Liberty variables (one epoch, batches of two, a gate that never promotes). The assets and the run
 * settings are removed on close.
 */
final class ModelsWorld implements AutoCloseable {

  private static final String DROPIN = "ui-it-training.xml";

  final String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  private final List<Long> assets = new ArrayList<>();
  private boolean tinyRunSettings;

  /** A tiny random bundle registered as a candidate; its id. */
  long registerCandidate(String label) throws Exception {
    String name = "ui-it-" + label + "-" + unique;
    TinyBundles.write(name, "ModelsWorld");
    JsonObject registered =
        post(
            "/model-versions",
            "{\"name\": \"" + name + "\", \"bundlePath\": \"" + name + "\"}",
            201);
    return registered.getJsonNumber("id").longValue();
  }

  /** Makes a version active at once (the immediate switch; the previous one is retired). */
  void activate(long version) throws Exception {
    post("/model-versions/" + version + "/activation", "", 200);
  }

  /** {@code count} assets of 4 s videos with 2 s segments 1 s apart (three each), segmented. */
  void addSegmentedAssets(Path scratch, int count) throws Exception {
    try (Connection db = UiWorld.connect()) {
      for (int i = 0; i < count; i++) {
        Path video = UiWorld.writeVideo(scratch.resolve("models-" + unique + "-" + i + ".mp4"), 4);
        long asset =
            UiWorld.single(
                db,
                "insert into media_asset (source_uri, sha256, title, status) values (?, ?,"
                    + " 'models-ui-it', 'segmented') returning id",
                video.toUri().toString(),
                (unique + i + UUID.randomUUID().toString().replace("-", ""))
                    .repeat(2)
                    .substring(0, 64));
        assets.add(asset);
        for (long start = 0; start + 2000 <= 4000; start += 1000) {
          UiWorld.update(
              db,
              "insert into segment (asset_id, start_ms, end_ms) values (?, ?, ?)",
              asset,
              start,
              start + 2000);
        }
      }
    }
  }

  /** The version's status column. */
  static String status(long version) throws SQLException {
    try (Connection db = UiWorld.connect();
        var statement = db.prepareStatement("select status from model_version where id = ?")) {
      statement.setLong(1, version);
      try (var row = statement.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  /** Whether the version's embeddings were purged. */
  static boolean purged(long version) throws SQLException {
    try (Connection db = UiWorld.connect()) {
      return UiWorld.single(
              db,
              "select count(*) from model_version where id = ? and embeddings_purged_at is not"
                  + " null",
              version)
          == 1;
    }
  }

  /** Random bytes named like an OpenAI checkpoint, under the models root; its name there. */
  static String writeNotAClipCheckpoint(String name) throws Exception {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    Path file = TinyBundles.modelsRoot().resolve(name + ".pt");
    Files.write(file, noise);
    return file.getFileName().toString();
  }

  /**
   * A training dataset of four classes (two base, two novel) with three 3 s videos each, under the
   * server's ingest root, registered through the API, and a tiny CLIP imported as the latest base
   * version (the default teacher of a run started without overrides).
   */
  void registerDatasetAndTeacher() throws Exception {
    Path ingestRoot = Path.of(System.getProperty("froster.ingest.root"));
    Path folder =
        Files.createDirectories(ingestRoot.resolve("training").resolve("ui-squares-" + unique));
    String[][] classes = {
      {"0", "square drifting", "a square drifts across the frame.", "base"},
      {"1", "square waiting", "a square stays where it is.", "base"},
      {"2", "square climbing", "a square moves up the frame.", "novel"},
      {"3", "square falling", "a square drops down the frame.", "novel"}
    };
    StringBuilder classFile = new StringBuilder("id\tname\tdescription\tsplit\n");
    StringBuilder videoFile = new StringBuilder("path\tclass_id\tsubset\n");
    for (String[] c : classes) {
      classFile.append(String.join("\t", c)).append('\n');
      for (int v = 0; v < 3; v++) {
        String video = "c" + c[0] + "-v" + v + ".mp4";
        UiWorld.writeVideo(folder.resolve(video), 3);
        String subset = c[3].equals("base") && v < 2 ? "train" : "test";
        videoFile.append(video).append('\t').append(c[0]).append('\t').append(subset).append('\n');
      }
    }
    Files.writeString(folder.resolve("classes.tsv"), classFile);
    Files.writeString(folder.resolve("videos.tsv"), videoFile);
    post(
        "/training/datasets",
        "{\"name\": \"ui-squares-" + unique + "\", \"path\": \"" + folder + "\"}",
        201);
    Path bundle = TinyBundles.write("ui-teacher-" + unique, "ModelsWorld");
    post(
        "/models/imports",
        "{\"name\": \"ui-clip-"
            + unique
            + "\", \"checkpointPath\": \""
            + bundle.resolve("weights.safetensors")
            + "\", \"tokenizerPath\": \""
            + bundle.resolve("tokenizer")
            + "\"}",
        201);
  }

  /**
   * Runs started without overrides (the jobs page's button) train one epoch of batches of two with
   * a checkpoint every step, and the gate never promotes (novel margin -1): written as Liberty
   * variables in a configDropins file, once the server reports it applied them.
   */
  void configureTinyRuns() throws Exception {
    String variables =
        "<server>\n"
            + variable("froster.training.epochs", "1")
            + variable("froster.training.batch-size", "2")
            + variable("froster.training.checkpoint-every-steps", "1")
            + variable("froster.training.learning-rate", "0.001")
            + variable("froster.training.gate.novel-margin", "-1")
            + "</server>\n";
    Path overrides = Files.createDirectories(server().resolve("configDropins/overrides"));
    tinyRunSettings = true;
    awaitConfigurationUpdate(() -> Files.writeString(overrides.resolve(DROPIN), variables));
  }

  /** A training run's details, through the API. */
  static JsonObject run(long id) throws Exception {
    HttpResponse<String> response =
        UiWorld.send("admin", "GET", UiWorld.API + "/training/runs/" + id, null);
    UiWorld.check(response, 200);
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** The run's details once it no longer runs (at most five minutes). */
  static JsonObject awaitEnd(long id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      JsonObject details = run(id);
      if (!"running".equals(details.getString("status"))) {
        return details;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("training run " + id + " did not end in 5 minutes");
  }

  /**
   * Removes the assets (segments and embeddings follow) and the run settings. The versions stay:
   * training runs and promotions refer to them, and the next run's switches retire them.
   */
  @Override
  public void close() throws Exception {
    if (tinyRunSettings) {
      awaitConfigurationUpdate(
          () -> Files.deleteIfExists(server().resolve("configDropins/overrides").resolve(DROPIN)));
    }
    try (Connection db = UiWorld.connect()) {
      for (long asset : assets) {
        UiWorld.update(db, "delete from media_asset where id = ?", asset);
      }
    }
  }

  private static JsonObject post(String path, String json, int status) throws Exception {
    HttpResponse<String> response = UiWorld.send("admin", "POST", UiWorld.API + path, json);
    UiWorld.check(response, status);
    String body = response.body();
    return body == null || body.isBlank()
        ? Json.createObjectBuilder().build()
        : Json.createReader(new StringReader(body)).readObject();
  }

  private static Path server() {
    return Path.of(System.getProperty("froster.wlp.home"))
        .resolve("usr/servers")
        .resolve(System.getProperty("froster.server"));
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
  private static void awaitConfigurationUpdate(FileChange change) throws Exception {
    Path messages = server().resolve("logs/messages.log");
    int before = lines(messages).size();
    change.apply();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      List<String> lines = lines(messages);
      if (lines.subList(Math.min(before, lines.size()), lines.size()).stream()
          .anyMatch(line -> line.contains("CWWKG0017I") || line.contains("CWWKG0018I"))) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the server did not apply the configuration change within 60 s");
  }

  private static List<String> lines(Path log) throws Exception {
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }
}
