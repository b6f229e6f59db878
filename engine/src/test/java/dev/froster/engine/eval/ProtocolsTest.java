package dev.froster.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.Method;
import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.Subset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both protocols on the quick synthetic world with a random tiny CLIP: their bookkeeping. */
class ProtocolsTest {

  @TempDir static Path shared;
  static TinyWorld world;

  @BeforeAll
  static void world() throws IOException {
    world = TinyWorld.create(shared);
  }

  static FrosterSettings.Builder tiny(Method method) {
    return FrosterSettings.builder(method)
        .frames(4)
        .frameStride(4)
        .testClips(2)
        .horizontalFlip(false)
        .learningRates(1e-3, 1e-5, 1e-5)
        .warmupEpochs(1)
        .averageFromEpoch(1)
        .batchSize(16)
        .epochs(1);
  }

  @Test
  void baseToNovelRunsEveryMethodWithEverySeedAndWritesTheReport(@TempDir Path work)
      throws IOException {
    BaseToNovelProtocol protocol =
        new BaseToNovelProtocol(
            List.of(Method.FROZEN_CLIP, Method.FROSTER), 1, List.of(1L, 2L), ProtocolsTest::tiny);
    List<String> progress = new ArrayList<>();
    EvaluationReport report = protocol.run(world.dataset, world.teacher, work, progress::add);

    int baseTests = world.dataset.videos(ClassSplit.BASE, Subset.TEST, null).size();
    int novelTests = world.dataset.videos(ClassSplit.NOVEL, Subset.TEST, null).size();
    int baseClasses = world.dataset.classes(ClassSplit.BASE).size();
    assertTrue(baseTests > 0 && novelTests > 0);
    assertEquals(4, report.runs().size());
    assertEquals(4, progress.size() / 2, progress.toString());
    for (EvaluationReport.Run run : report.runs()) {
      assertEquals(List.of("base", "novel"), List.copyOf(run.splits().keySet()));
      assertEquals(baseTests, run.splits().get("base").total());
      assertEquals(novelTests, run.splits().get("novel").total());
      assertEquals(baseClasses, run.splits().get("base").perClass().size());
      int perClassTotal =
          run.splits().get("novel").perClass().stream()
              .mapToInt(SplitAccuracy.ClassAccuracy::total)
              .sum();
      assertEquals(novelTests, perClassTotal);
      Path runFolder = work.resolve("runs").resolve(run.method() + "-seed" + run.seed());
      if (run.method().equals("frozen")) {
        assertEquals(0, run.steps(), "the frozen baseline is not trained");
        assertFalse(Files.exists(runFolder.resolve("checkpoints")));
      } else {
        // K = 1 shot of every base class, batch 16, one epoch
        assertEquals(Math.max(1, baseClasses / 16), run.steps());
        assertTrue(Files.isRegularFile(runFolder.resolve("metrics/steps.csv")));
        assertFalse(
            Files.exists(runFolder.resolve("checkpoints")), "a scored run keeps no checkpoints");
      }
    }
    // not trained, so both seeds score the same model on the same videos
    assertEquals(report.runs().get(0).scores(), report.runs().get(2).scores());
    assertEquals(List.of(1L, 1L, 2L, 2L), report.runs().stream().map(r -> r.seed()).toList());

    assertTrue(Files.isRegularFile(work.resolve("report.json")));
    JsonObject json =
        JsonParser.parseString(Files.readString(work.resolve("report.json"))).getAsJsonObject();
    assertEquals(1, json.getAsJsonObject("settings").get("shots_per_base_class").getAsInt());
    assertEquals(4, json.getAsJsonArray("runs").size());
    assertTrue(Files.readString(work.resolve("report.md")).contains("| froster |"));
    JsonObject line = JsonParser.parseString(report.summaryLine()).getAsJsonObject();
    assertEquals(List.of("frozen", "froster"), List.copyOf(line.keySet()));
    for (String method : line.keySet()) {
      JsonObject scores = line.getAsJsonObject(method);
      assertEquals(List.of("base", "novel", "hm"), List.copyOf(scores.keySet()));
      for (String score : scores.keySet()) {
        double value = scores.get(score).getAsDouble();
        assertTrue(value >= 0 && value <= 100, method + " " + score + " " + value);
      }
    }
  }

  @Test
  void tooManyShotsFailBeforeAnyTraining(@TempDir Path work) {
    BaseToNovelProtocol protocol =
        new BaseToNovelProtocol(List.of(Method.FROSTER), 50, List.of(1L), ProtocolsTest::tiny);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> protocol.run(world.dataset, world.teacher, work, s -> {}));
    assertTrue(e.getMessage().contains("50 shots asked"), e.getMessage());
    assertFalse(Files.exists(work.resolve("runs")));
  }

  @Test
  void crossDomainTrainsOnDomainAAndScoresEveryVideoOfDomainB(@TempDir Path work)
      throws IOException {
    CrossDatasetProtocol protocol =
        new CrossDatasetProtocol(
            List.of(Method.FROZEN_CLIP, Method.VIFI_CLIP), List.of(5L), ProtocolsTest::tiny);
    EvaluationReport report =
        protocol.run(world.dataset, "a", world.dataset, "b", world.teacher, work, s -> {});
    assertEquals(2, report.runs().size());
    int sourceTests = world.dataset.videos(null, Subset.TEST, "a").size();
    int targetVideos = world.dataset.videos(null, null, "b").size();
    for (EvaluationReport.Run run : report.runs()) {
      assertEquals(List.of("source", "target"), List.copyOf(run.scores().keySet()));
      assertEquals(sourceTests, run.splits().get("source").total());
      assertEquals(targetVideos, run.splits().get("target").total());
      assertEquals(world.dataset.classes().size(), run.splits().get("target").perClass().size());
    }
    assertEquals(0, report.runs().get(0).steps());
    assertTrue(report.runs().get(1).steps() > 0);
    assertTrue(
        Files.readString(work.resolve("report.md")).contains("| Method | Source | Target |"));
  }
}
