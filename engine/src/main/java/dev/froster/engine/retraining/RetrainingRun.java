package dev.froster.engine.retraining;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.FrosterTrainer;
import dev.froster.engine.froster.Pooling;
import dev.froster.engine.froster.PromptEnsemble;
import dev.froster.engine.froster.TrainingVideo;
import dev.froster.engine.froster.VideoClips;
import dev.froster.engine.inference.BundleScoring;
import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ActionDatasetReader;
import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.Subset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Trains a student from a teacher bundle on the base classes of a snapshot, in slices of {@code
 * checkpointEverySteps} steps: after each slice the trainer has saved a checkpoint, progress is
 * reported and a stop request is honoured. Run again on the same folder, it resumes from the latest
 * checkpoint (the step counter goes on), so a stopped or crashed run never starts over.
 */
public final class RetrainingRun {

  /** Checkpoints kept in a run folder. */
  public static final int KEPT_CHECKPOINTS = 2;

  /** Bundle metric {@code froster train} records: the frame stride of training. */
  public static final String STRIDE_METRIC = "frame_stride";

  /** Receives the step reached and the run's total after every slice. */
  public interface Progress {
    void reached(long step, long total) throws IOException;
  }

  /**
   * How a call ended.
   *
   * @param finished true when every step ran and the candidate bundle was written
   * @param step steps done so far
   * @param total steps of the whole run
   * @param resumedFrom the step the call resumed from (0 for a fresh start)
   */
  public record Outcome(boolean finished, long step, long total, long resumedFrom) {}

  private final Path teacherBundle;
  private final Path snapshot;
  private final Path runDirectory;
  private final FrosterSettings settings;

  /**
   * @param teacherBundle the frozen teacher, also the student's starting point
   * @param snapshot a {@link TrainingSetSnapshot} folder
   * @param runDirectory checkpoints and metrics ({@code checkpoints/}, {@code metrics/})
   */
  public RetrainingRun(
      Path teacherBundle, Path snapshot, Path runDirectory, FrosterSettings settings) {
    if (settings.checkpointEverySteps() <= 0) {
      throw new IllegalArgumentException("a retraining run needs checkpointEverySteps > 0");
    }
    this.teacherBundle = teacherBundle;
    this.snapshot = snapshot;
    this.runDirectory = runDirectory;
    this.settings = settings;
  }

  /** The device to train on: {@code auto} is the first GPU when DJL sees one, else the CPU. */
  public static Device device(String configured) {
    String choice = configured == null ? "auto" : configured.trim().toLowerCase(Locale.ROOT);
    int gpus = Engine.getInstance().getGpuCount();
    return switch (choice) {
      case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
      case "cpu" -> Device.cpu();
      case "gpu" -> {
        if (gpus == 0) {
          throw new IllegalArgumentException("froster.training.device is gpu but DJL sees no GPU");
        }
        yield Device.gpu();
      }
      default ->
          throw new IllegalArgumentException(
              "froster.training.device must be auto, cpu or gpu, was " + configured);
    };
  }

  /**
   * Trains until the end or until {@code stopRequested} says so after a slice; at the end writes
   * the trained student to {@code candidateBundle} (atomically).
   */
  public Outcome run(
      Device device, Progress progress, BooleanSupplier stopRequested, Path candidateBundle)
      throws IOException {
    noGradientsByDefault();
    ActionDataset dataset = ActionDatasetReader.read(snapshot);
    List<ActionClass> base = dataset.classes(ClassSplit.BASE);
    List<TrainingVideo> videos =
        TrainingVideo.of(dataset.videos(ClassSplit.BASE, Subset.TRAIN, null), base);
    Files.createDirectories(runDirectory);
    try (NDManager manager = NDManager.newBaseManager(device)) {
      ModelBundle start = ModelBundle.load(teacherBundle, manager);
      VideoClips clips = new VideoClips(settings, start.model().config().imageResolution(), true);
      try (FrosterTrainer trainer =
          new FrosterTrainer(
              start.model(),
              start.tokenizer(),
              PromptEnsemble.of(base),
              videos,
              settings,
              clips,
              runDirectory,
              manager)) {
        Optional<Path> latest = latestCheckpoint();
        if (latest.isPresent()) {
          trainer.resume(latest.get());
        }
        long resumedFrom = trainer.step();
        long total = trainer.totalSteps();
        progress.reached(trainer.step(), total);
        while (trainer.step() < total) {
          if (stopRequested.getAsBoolean()) {
            return new Outcome(false, trainer.step(), total, resumedFrom);
          }
          trainer.train(trainer.step() + settings.checkpointEverySteps());
          pruneCheckpoints();
          progress.reached(trainer.step(), total);
        }
        if (!ModelBundle.isBundle(candidateBundle)) {
          ModelBundle.write(
              candidateBundle,
              start.model(),
              start.tokenizer(),
              new BundleManifest.Provenance(
                  teacherBundle.toAbsolutePath().normalize().toString(),
                  "bundle",
                  start.manifest().files().get(start.manifest().weights()),
                  null,
                  "froster-train " + runDirectory.getFileName()),
              bundleMetrics(trainer.step(), videos.size()));
        }
        return new Outcome(true, trainer.step(), total, resumedFrom);
      }
    }
  }

  /** What scoring needs to use the model as it was trained (see {@link BundleScoring}). */
  private Map<String, Double> bundleMetrics(long steps, int trainingVideos) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(BundleScoring.TEMPORAL_METRIC, settings.temporal() ? 1.0 : 0.0);
    metrics.put(
        BundleScoring.FEATURE_MEAN_METRIC, settings.pooling() == Pooling.FEATURE_MEAN ? 1.0 : 0.0);
    metrics.put(BundleScoring.FRAMES_METRIC, (double) settings.frames());
    metrics.put(STRIDE_METRIC, (double) settings.frameStride());
    metrics.put("steps", (double) steps);
    metrics.put("training_videos", (double) trainingVideos);
    return metrics;
  }

  /**
   * PyTorch's grad mode is per thread, and DJL turns it off only in the thread that started the
   * engine: in a server's worker thread it is on, and the optimiser's in-place updates of the
   * parameters fail ("a leaf Variable that requires grad is being used in an in-place operation").
   * The trainer's gradient collector turns it on around each backward pass.
   */
  static void noGradientsByDefault() {
    if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
      JniUtils.setGradMode(false);
    }
  }

  /**
   * Deletes all but the {@link #KEPT_CHECKPOINTS} latest checkpoints: a checkpoint holds weights,
   * optimiser moments and the running average (three times a model), and only the latest is ever
   * resumed from (the one before it covers a crash while the latest was being written).
   */
  private void pruneCheckpoints() throws IOException {
    Path folder = runDirectory.resolve("checkpoints");
    if (!Files.isDirectory(folder)) {
      return;
    }
    List<Path> checkpoints;
    try (Stream<Path> children = Files.list(folder)) {
      checkpoints =
          children.filter(p -> p.getFileName().toString().matches("step-[0-9]+")).sorted().toList();
    }
    for (Path old : checkpoints.subList(0, Math.max(0, checkpoints.size() - KEPT_CHECKPOINTS))) {
      try (Stream<Path> files = Files.walk(old)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /** The checkpoint with the highest step in the run folder, if any. */
  public Optional<Path> latestCheckpoint() throws IOException {
    Path folder = runDirectory.resolve("checkpoints");
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(p -> p.getFileName().toString().matches("step-[0-9]+"))
          .max(Path::compareTo);
    }
  }
}
