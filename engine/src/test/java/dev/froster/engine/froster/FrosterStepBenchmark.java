package dev.froster.engine.froster;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import dev.froster.engine.clip.pretrain.TinyClipArchitecture;
import dev.froster.engine.clip.tokenizer.BpeTrainer;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import dev.froster.engine.eval.Recipes;
import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.ClassCatalogue;
import dev.froster.engine.synth.PlannedClass;
import dev.froster.engine.synth.ShapeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Speed of one FROSTER optimisation step ({@link FrosterTrainer#step}) on clips already in memory:
 * student forward with neighbour-frame attention, frozen teacher frame-wise, cached teacher class
 * embeddings, residual heads, CE + beta · distillation, backward, clipping, AdamW. Random weights
 * and random pixels: decoding is not part of the step. The same workload as {@code
 * bench/froster/reference.py}; prints one JSON line that {@code bench/froster/run.sh} puts beside
 * PyTorch's.
 *
 * <p>Arguments: {@code tiny|vitb16 [--frames T] [--batch B] [--classes C] [--warmup N] [--seconds
 * S] [--threads N]}. {@code tiny} is the quick benchmark's recipe (the synthetic teacher's
 * architecture, 8 frames, batches of 8, the quick world's 12 base classes); {@code vitb16} is
 * ViT-B/16 with 2 frames, batch 1 and 8 classes (the text tower runs on 2 prompts per class every
 * step and the teacher caches 29 per class: the class count sets most of the cost at this size).
 */
public final class FrosterStepBenchmark {

  /** Most ids of the tiny teacher's BPE vocabulary (PretrainSettings.defaults). */
  static final int TINY_VOCABULARY = 1024;

  /** What one run measures. */
  record Workload(String name, ClipConfig config, int frames, int batch, int classes) {

    static Workload of(String name) {
      return switch (name) {
        case "tiny" ->
            new Workload(
                name,
                TinyClipArchitecture.synthetic().withVocabulary(TINY_VOCABULARY),
                Recipes.FRAMES,
                Recipes.BATCH_SIZE,
                12);
        case "vitb16" -> new Workload(name, ClipConfig.vitB16(), 2, 1, 8);
        default ->
            throw new IllegalArgumentException(
                "workload must be tiny or vitb16, was '" + name + "'");
      };
    }
  }

  private FrosterStepBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0 || args.length % 2 == 0) {
      throw new IllegalArgumentException(
          "usage: tiny|vitb16 [--frames T] [--batch B] [--classes C] [--warmup N] [--seconds S]"
              + " [--threads N]");
    }
    Workload preset = Workload.of(args[0]);
    int frames = preset.frames();
    int batch = preset.batch();
    int classes = preset.classes();
    int warmup = 2;
    double seconds = 30;
    for (int i = 1; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--frames" -> frames = Integer.parseInt(value);
        case "--batch" -> batch = Integer.parseInt(value);
        case "--classes" -> classes = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--seconds" -> seconds = Double.parseDouble(value);
        case "--threads" -> {
          Engine.getEngine("PyTorch"); // loads libtorch, which the thread call needs
          JniUtils.setNumThreads(Integer.parseInt(value));
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Workload workload = new Workload(preset.name(), preset.config(), frames, batch, classes);
    Path work = Files.createTempDirectory("froster-step-benchmark");
    try {
      System.out.println(run(workload, warmup, seconds, work));
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private static String run(Workload workload, int warmup, double seconds, Path work)
      throws IOException {
    ClipConfig config = workload.config();
    PromptEnsemble prompts = PromptEnsemble.of(baseClassesFirst(workload.classes()));
    ClipTokenizer tokenizer =
        BpeTrainer.learn(prompts.testTexts(), Math.min(TINY_VOCABULARY, config.vocabSize()))
            .writeTo(work.resolve("tokenizer"));
    FrosterSettings settings =
        (workload.name().equals("tiny")
                ? Recipes.synthetic(Method.FROSTER, 1)
                : FrosterSettings.builder(Method.FROSTER))
            .frames(workload.frames())
            .batchSize(workload.batch())
            .build();
    int[] labels = new int[workload.batch()];
    List<TrainingVideo> videos = new ArrayList<>();
    for (int b = 0; b < labels.length; b++) {
      labels[b] = b % workload.classes();
      // never opened: the benchmark hands the trainer its clips in memory
      videos.add(new TrainingVideo(work.resolve("clip-" + b + ".mp4"), labels[b]));
    }
    int resolution = config.imageResolution();
    try (NDManager manager = NDManager.newBaseManager()) {
      long setupStart = System.nanoTime();
      ClipModel start = new ClipModel(config).initializeRandom(manager);
      VideoClips clips = new VideoClips(settings, resolution, false);
      try (FrosterTrainer trainer =
          new FrosterTrainer(
              start, tokenizer, prompts, videos, settings, clips, work.resolve("run"), manager)) {
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        NDArray clipBatch =
            manager.randomNormal(
                new Shape(workload.batch(), workload.frames(), 3, resolution, resolution));
        FrosterTrainer.StepMetrics last = null;
        for (int i = 0; i < warmup; i++) {
          last = trainer.step(clipBatch, labels);
        }
        int steps = 0;
        long timedStart = System.nanoTime();
        while ((System.nanoTime() - timedStart) / 1e9 < seconds || steps < 2) {
          last = trainer.step(clipBatch, labels);
          steps++;
        }
        double elapsed = (System.nanoTime() - timedStart) / 1e9;
        if (!Double.isFinite(last.loss()) || !Double.isFinite(last.gradientNorm())) {
          throw new IllegalStateException("the step diverged: " + last);
        }
        return String.format(
            Locale.ROOT,
            "{\"side\": \"engine\", \"engine\": \"djl %s pytorch %s\", \"threads\": %d,"
                + " \"omp_wait_policy\": \"%s\","
                + " \"workload\": \"%s\", \"config\": \"%s\", \"frames\": %d, \"batch\": %d,"
                + " \"classes\": %d, \"trainable_parameters\": %d, \"setup_s\": %.1f,"
                + " \"steps\": %d, \"steps_per_s\": %.4f, \"s_per_step\": %.4f,"
                + " \"clips_per_s\": %.4f, \"last_loss\": %.4f, \"peak_rss_mb\": %d}",
            Engine.getDjlVersion(),
            Engine.getEngine("PyTorch").getVersion(),
            JniUtils.getNumThreads(),
            Objects.toString(System.getenv("OMP_WAIT_POLICY"), "default"),
            workload.name(),
            config,
            workload.frames(),
            workload.batch(),
            workload.classes(),
            trainableParameters(start, trainer),
            setupSeconds,
            steps,
            steps / elapsed,
            elapsed / steps,
            steps * workload.batch() / elapsed,
            last.loss(),
            peakRssMegabytes());
      }
    }
  }

  /** The first {@code count} classes of the full synthetic world, base classes first. */
  private static List<ActionClass> baseClassesFirst(int count) {
    List<PlannedClass> plan = ClassCatalogue.plan(List.of(ShapeKind.values()));
    if (count <= 0 || count > plan.size()) {
      throw new IllegalArgumentException(
          "classes must lie in [1, " + plan.size() + "], was " + count);
    }
    return plan.subList(0, count).stream().map(PlannedClass::toActionClass).toList();
  }

  /** Student parameters and residual heads: what AdamW updates (the teacher is a frozen copy). */
  private static long trainableParameters(ClipModel student, FrosterTrainer trainer) {
    long count = 0;
    for (Parameter p : ClipParameters.byName(student).values()) {
      count += p.getArray().getShape().size();
    }
    for (ResidualHead head : trainer.heads()) {
      for (Pair<String, Parameter> p : head.getParameters()) {
        count += p.getValue().getArray().getShape().size();
      }
    }
    return count;
  }

  /** VmHWM: the peak resident set of this process, as the reference's ru_maxrss. */
  private static long peakRssMegabytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }
}
