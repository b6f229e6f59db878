package dev.froster.engine.retraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.JsonObject;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.TinyModels;
import dev.froster.engine.eval.Recipes;
import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.Method;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ActionDatasetReader;
import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.SynthGenerator;
import dev.froster.engine.synth.SynthSettings;
import dev.froster.engine.synth.VideoEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retraining run on the quick synthetic world with a random tiny CLIP: the snapshot mixes a
 * dataset with cut review clips, a stopped run resumes from its checkpoint, and the candidate is
 * evaluated on the held-out videos.
 */
class RetrainingRunTest {

  private static final ClipConfig TINY =
      new ClipConfig(16, 8, 32, 1, 2, 16, 32, 1, 1, 48, TinyModels.VOCABULARY);

  @TempDir static Path folder;
  private static ActionDataset world;
  private static Path teacher;

  @BeforeAll
  static void world() throws Exception {
    Engine.getInstance();
    JniUtils.setNumThreads(1);
    world = new SynthGenerator(SynthSettings.quick(folder.resolve("world"))).generate();
    teacher = folder.resolve("teacher");
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelBundle.write(
          teacher,
          TinyModels.random(manager, TINY),
          TinyModels.tokenizer(Files.createDirectories(folder.resolve("tok"))),
          new BundleManifest.Provenance("random", "random", "none", null, "RetrainingRunTest"),
          Map.of());
    }
  }

  @Test
  void aStoppedRunResumesFromItsCheckpointAndTheCandidateIsEvaluated() throws Exception {
    Path snapshot = folder.resolve("run/dataset");
    VideoEntry source = world.videos().get(0);
    List<LabelledClip> clips = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      clips.add(
          new LabelledClip(
              source.file(),
              0,
              1000,
              "waving a flag",
              "a flag moves to and fro.",
              "decision-" + i));
    }
    TrainingSetSnapshot.Summary summary =
        TrainingSetSnapshot.write(List.of(world), clips, new HeldOutSplit(4), snapshot);
    ActionDataset written = ActionDatasetReader.read(snapshot);
    assertEquals(world.classes().size() + 1, summary.classes());
    assertEquals(3, written.videos().stream().filter(v -> v.domain().equals("review")).count());
    assertTrue(summary.trainVideos() > 0 && summary.baseTestVideos() > 0);
    assertEquals(
        written.classes(ClassSplit.NOVEL).size(), summary.novelClasses(), "novel classes counted");

    FrosterSettings settings =
        Recipes.synthetic(Method.FROSTER, 2).batchSize(4).checkpointEverySteps(1).build();
    Path runDirectory = folder.resolve("run");
    Path candidate = folder.resolve("candidate");
    RetrainingRun run = new RetrainingRun(teacher, snapshot, runDirectory, settings);
    AtomicInteger slices = new AtomicInteger();
    RetrainingRun.Outcome stopped =
        run.run(
            Device.cpu(),
            (step, total) -> slices.incrementAndGet(),
            () -> slices.get() >= 2,
            candidate);
    assertFalse(stopped.finished());
    assertEquals(1, stopped.step(), "one slice of one step ran before the stop");
    assertFalse(ModelBundle.isBundle(candidate));

    List<Long> reported = new ArrayList<>();
    RetrainingRun.Outcome finished =
        new RetrainingRun(teacher, snapshot, runDirectory, settings)
            .run(Device.cpu(), (step, total) -> reported.add(step), () -> false, candidate);
    assertTrue(finished.finished());
    assertEquals(1, finished.resumedFrom(), "the step counter goes on from the checkpoint");
    assertEquals(1L, reported.get(0));
    assertEquals(finished.total(), finished.step());
    assertTrue(ModelBundle.isBundle(candidate));
    try (var kept = Files.list(runDirectory.resolve("checkpoints"))) {
      assertEquals(RetrainingRun.KEPT_CHECKPOINTS, kept.count(), "older checkpoints pruned");
    }

    JsonObject curves = TrainingCurves.read(runDirectory);
    assertEquals(finished.total(), curves.getAsJsonArray("steps").size());
    assertEquals(2, curves.getAsJsonArray("epochs").size());

    HeldOutEvaluation.Result result =
        new HeldOutEvaluation(snapshot, Recipes.FRAME_STRIDE, 1).evaluate(candidate, Device.cpu());
    assertEquals(summary.baseTestVideos(), result.base().total());
    assertEquals(summary.novelTestVideos(), result.novel().total());
  }

  @Test
  void trainsInAWorkerThreadWhoseGradModeIsOn() throws Exception {
    Path snapshot = folder.resolve("worker/dataset");
    TrainingSetSnapshot.write(List.of(world), List.of(), new HeldOutSplit(4), snapshot);
    FrosterSettings settings =
        Recipes.synthetic(Method.FROSTER, 1).batchSize(8).checkpointEverySteps(1).build();
    Path candidate = folder.resolve("worker-candidate");
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<RetrainingRun.Outcome> outcome = new AtomicReference<>();
    // a server's worker thread: PyTorch's per-thread grad mode is on there
    Thread worker =
        new Thread(
            () -> {
              try {
                JniUtils.setGradMode(true);
                outcome.set(
                    new RetrainingRun(teacher, snapshot, folder.resolve("worker"), settings)
                        .run(Device.cpu(), (step, total) -> {}, () -> false, candidate));
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    worker.start();
    worker.join();
    if (failure.get() != null) {
      throw new AssertionError("training failed in a grad-mode thread", failure.get());
    }
    assertTrue(outcome.get().finished());
    assertTrue(ModelBundle.isBundle(candidate));
  }

  @Test
  void aTrainingSetWithoutExamplesOrWithAnEmptyClassIsRefused() throws Exception {
    InvalidTrainingSetException empty =
        assertThrows(
            InvalidTrainingSetException.class,
            () ->
                TrainingSetSnapshot.write(
                    List.of(), List.of(), new HeldOutSplit(4), folder.resolve("empty")));
    assertTrue(empty.getMessage().contains("no examples"), empty.getMessage());
    assertFalse(Files.exists(folder.resolve("empty")));

    Path lacking = folder.resolve("lacking");
    Files.createDirectories(lacking);
    Files.writeString(
        lacking.resolve("classes.tsv"),
        "id\tname\tdescription\tsplit\n0\tjump\tup.\tbase\n1\tsit\tdown.\tnovel\n");
    Path video = world.videos().get(0).file();
    Files.writeString(lacking.resolve("videos.tsv"), "path\tclass_id\n" + video + "\t0\n");
    InvalidTrainingSetException noneForSit =
        assertThrows(
            InvalidTrainingSetException.class,
            () ->
                TrainingSetSnapshot.write(
                    List.of(ActionDatasetReader.read(lacking)),
                    List.of(),
                    new HeldOutSplit(4),
                    folder.resolve("snapshot-lacking")));
    assertTrue(noneForSit.getMessage().contains("'sit'"), noneForSit.getMessage());
  }
}
