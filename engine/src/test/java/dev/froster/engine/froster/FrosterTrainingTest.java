package dev.froster.engine.froster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import dev.froster.engine.clip.TinyModels;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.Subset;
import dev.froster.engine.synth.SynthGenerator;
import dev.froster.engine.synth.SynthSettings;
import dev.froster.engine.training.TrainingState;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer on a tiny synthetic world (real H.264 videos) with a tiny CLIP. */
class FrosterTrainingTest {

  static final ClipConfig TINY =
      new ClipConfig(16, 8, 32, 1, 2, 16, 32, 1, 1, 48, TinyModels.VOCABULARY);

  @TempDir static Path shared;
  static ActionDataset dataset;
  static ClipTokenizer tokenizer;
  static List<ActionClass> base;
  static PromptEnsemble prompts;
  static List<TrainingVideo> trainVideos;

  static int engineThreads;

  /**
   * One intra-op thread for every trainer test: on the two shared cores two PyTorch threads fight
   * the other builds (a 12-step run measured 16 s with two threads, 3 s with one).
   */
  @BeforeAll
  static void oneThread() {
    Engine.getInstance(); // loads libtorch, which the thread calls need
    engineThreads = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
  }

  @AfterAll
  static void restoreThreads() {
    JniUtils.setNumThreads(engineThreads);
  }

  @BeforeAll
  static void world() throws IOException {
    dataset = new SynthGenerator(SynthSettings.quick(shared.resolve("world"))).generate();
    tokenizer = TinyModels.tokenizer(Files.createDirectories(shared.resolve("tok")));
    base = dataset.classes(ClassSplit.BASE);
    prompts = PromptEnsemble.of(base);
    trainVideos = TrainingVideo.of(dataset.videos(ClassSplit.BASE, Subset.TRAIN, null), base);
  }

  static Map<String, float[]> snapshot(ClipModel model) {
    Map<String, float[]> values = new LinkedHashMap<>();
    ClipParameters.byName(model).forEach((n, p) -> values.put(n, p.getArray().toFloatArray()));
    return values;
  }

  static ClipModel startModel(NDManager manager, Map<String, float[]> weights) {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    Map<String, Shape> shapes = ClipParameters.shapes(TINY);
    weights.forEach((n, v) -> arrays.put(n, manager.create(v, shapes.get(n))));
    return new ClipModel(TINY).initializeFrom(manager, arrays);
  }

  static FrosterSettings.Builder tinySettings(Method method) {
    return FrosterSettings.builder(method)
        .frames(4)
        .frameStride(4)
        .testClips(2)
        .horizontalFlip(false)
        .learningRates(1e-2, 1e-4, 1e-4)
        .warmupEpochs(1)
        .batchSize(8)
        .seed(3);
  }

  static FrosterTrainer trainer(
      ClipModel start,
      List<TrainingVideo> videos,
      FrosterSettings settings,
      Path run,
      NDManager manager) {
    VideoClips clips = new VideoClips(settings, TINY.imageResolution(), true);
    return new FrosterTrainer(start, tokenizer, prompts, videos, settings, clips, run, manager);
  }

  @Test
  void trainingChangesTheStudentLeavesTheTeacherBitIdenticalAndWritesMetrics(@TempDir Path run)
      throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel start = TinyModels.random(manager, TINY);
      Map<String, float[]> before = snapshot(start);
      FrosterSettings settings = tinySettings(Method.FROSTER).epochs(2).build();
      try (FrosterTrainer trainer = trainer(start, trainVideos, settings, run, manager)) {
        List<FrosterTrainer.StepMetrics> steps = trainer.train();
        assertEquals(trainer.totalSteps(), steps.size());
        Map<String, float[]> teacherAfter = snapshot(trainer.teacher().model());
        before.forEach((n, v) -> assertArrayEquals(v, teacherAfter.get(n), 0f, "teacher " + n));
        assertFalse(
            Arrays.equals(before.get("visual.proj"), snapshot(start).get("visual.proj")),
            "the student was trained");
        assertEquals(steps.size() + 1, Files.readAllLines(run.resolve("metrics/steps.csv")).size());
        assertEquals(3, Files.readAllLines(run.resolve("metrics/epochs.csv")).size());
      }
    }
  }

  /**
   * Resuming must repeat the uninterrupted run to the bit: everything that decides a step,
   * including the residual heads' initial weights, is a function of the seed, and a checkpoint
   * holds weights, moments, average and position. (Unseeded heads once made two runs differ from
   * the second step on.)
   */
  @Test
  void aResumedRunRepeatsTheUninterruptedOneAndAveragesItsEpochCheckpoints(@TempDir Path dir)
      throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      Map<String, float[]> weights = snapshot(TinyModels.random(manager, TINY));
      FrosterSettings settings = tinySettings(Method.FROSTER).epochs(3).batchSize(6).build();
      List<FrosterTrainer.StepMetrics> uninterrupted;
      Map<String, float[]> finalWeights;
      long perEpoch;
      Path runA = dir.resolve("a");
      ClipModel modelA = startModel(manager, weights);
      try (FrosterTrainer a = trainer(modelA, trainVideos, settings, runA, manager)) {
        uninterrupted = a.train();
        finalWeights = snapshot(modelA);
        perEpoch = a.stepsPerEpoch();
        assertTrue(perEpoch >= 2, "a mid-epoch stop needs two steps per epoch");
        // weight averaging: the final model is the mean of the epoch-2 and epoch-3 weights
        try (TrainingState two = TrainingState.load(a.checkpoint(2 * perEpoch), manager);
            TrainingState three = TrainingState.load(a.checkpoint(3 * perEpoch), manager)) {
          for (String name : List.of("visual.proj", "logit_scale", "token_embedding.weight")) {
            float[] x = two.array("student." + name).toFloatArray();
            float[] y = three.array("student." + name).toFloatArray();
            float[] mean = new float[x.length];
            for (int i = 0; i < x.length; i++) {
              mean[i] = (x[i] + y[i]) / 2;
            }
            assertArrayEquals(mean, finalWeights.get(name), 1e-6f, name);
          }
        }
      }
      long stopAt = perEpoch + 1; // mid-epoch, after the warm-up
      Path runB = dir.resolve("b");
      try (FrosterTrainer b =
          trainer(startModel(manager, weights), trainVideos, settings, runB, manager)) {
        assertEquals(stopAt, b.train(stopAt).size());
      }
      ClipModel modelC = startModel(manager, weights);
      try (FrosterTrainer c = trainer(modelC, trainVideos, settings, runB, manager)) {
        c.resume(c.checkpoint(stopAt));
        List<FrosterTrainer.StepMetrics> rest = c.train();
        assertEquals(uninterrupted.size() - stopAt, rest.size());
        for (int i = 0; i < rest.size(); i++) {
          FrosterTrainer.StepMetrics expected = uninterrupted.get((int) stopAt + i);
          assertEquals(expected.step(), rest.get(i).step());
          assertEquals(expected.loss(), rest.get(i).loss(), 0, "loss at step " + expected.step());
        }
        Map<String, float[]> resumed = snapshot(modelC);
        finalWeights.forEach((n, v) -> assertArrayEquals(v, resumed.get(n), 0f, n));
      }
      assertEquals(
          Files.readAllLines(runA.resolve("metrics/steps.csv")).size(),
          Files.readAllLines(runB.resolve("metrics/steps.csv")).size());
      assertEquals(
          Files.readAllLines(runA.resolve("metrics/epochs.csv")).size(),
          Files.readAllLines(runB.resolve("metrics/epochs.csv")).size());

      // a checkpoint of another configuration is refused before any training
      FrosterSettings other = tinySettings(Method.FROSTER).epochs(3).batchSize(6).beta(1f).build();
      ClipModel modelD = startModel(manager, weights);
      try (FrosterTrainer d = trainer(modelD, trainVideos, other, runB, manager)) {
        IllegalArgumentException error =
            assertThrows(IllegalArgumentException.class, () -> d.resume(d.checkpoint(stopAt)));
        assertTrue(error.getMessage().contains("beta"), error.getMessage());
        assertEquals(0, d.step());
        assertArrayEquals(weights.get("visual.proj"), snapshot(modelD).get("visual.proj"), 0f);
      }
    }
  }

  /**
   * 1,000 steps over 10 epochs: every epoch end writes a metrics row, adds to the weight average
   * and saves a checkpoint, and a checkpoint is also saved every 250 steps. Counted from step 200
   * (after the first average, which creates the running sums), nothing may accumulate.
   */
  @Test
  void memoryStaysFlatOverAThousandStepsWithEpochEndsCheckpointsAndAveraging(@TempDir Path run)
      throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel start = TinyModels.random(manager, TINY);
      FrosterSettings settings =
          tinySettings(Method.FROSTER)
              .frames(2)
              .batchSize(1)
              .epochs(10)
              .averageFromEpoch(2)
              .checkpointEverySteps(250)
              .build();
      List<TrainingVideo> twoVideos = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        twoVideos.add(trainVideos.get(i % 2));
      }
      try (FrosterTrainer trainer = trainer(start, twoVideos, settings, run, manager)) {
        assertEquals(100, trainer.stepsPerEpoch());
        trainer.train(200);
        int arraysAt200 = manager.getManagedArrays().size();
        long nativeAt200 = nativeResidentKilobytes();
        List<FrosterTrainer.StepMetrics> rest = trainer.train();
        assertEquals(800, rest.size());
        assertEquals(1000, trainer.step());
        assertEquals(arraysAt200, manager.getManagedArrays().size(), "arrays left behind");
        long growth = nativeResidentKilobytes() - nativeAt200;
        assertTrue(growth < 64 * 1024, "native RSS grew by " + growth + " kB over 800 steps");
        assertTrue(Files.isDirectory(trainer.checkpoint(750)), "periodic checkpoint");
        assertTrue(Files.isDirectory(trainer.checkpoint(900)), "epoch-end checkpoint");
        assertEquals(11, Files.readAllLines(run.resolve("metrics/epochs.csv")).size());
      }
    }
  }

  @Test
  void anUndecodableVideoIsSkippedAndCounted(@TempDir Path run) throws IOException {
    Path broken = Files.writeString(run.resolve("broken.mp4"), "not a video");
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel start = TinyModels.random(manager, TINY);
      FrosterSettings settings = tinySettings(Method.VIFI_CLIP).batchSize(3).epochs(1).build();
      List<TrainingVideo> videos =
          List.of(trainVideos.get(0), new TrainingVideo(broken, 0), trainVideos.get(1));
      try (FrosterTrainer trainer = trainer(start, videos, settings, run.resolve("run"), manager)) {
        assertEquals(1, trainer.train().size());
        assertEquals(List.of(broken.toString()), trainer.skippedVideos());
        assertNull(trainer.teacher());
        assertNull(trainer.heads());
        List<String> epochs = Files.readAllLines(run.resolve("run/metrics/epochs.csv"));
        assertTrue(epochs.get(1).endsWith(",1"), "skipped videos in " + epochs);
      }
    }
  }

  /**
   * The resident set less what the JVM has committed (heap and non-heap): libtorch's memory. The
   * Java heap grows with garbage until a collection, which is no leak (seen: +118 MB of RSS over
   * 800 steps with a flat native part).
   */
  private static long nativeResidentKilobytes() throws IOException {
    System.gc();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long jvmCommitted =
        memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) - jvmCommitted / 1024;
      }
    }
    throw new IOException("no VmRSS in /proc/self/status");
  }
}
