package dev.froster.engine.eval;

import ai.djl.ndarray.NDManager;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.Method;
import dev.froster.engine.froster.Pooling;
import dev.froster.engine.froster.PromptEnsemble;
import dev.froster.engine.froster.TrainingVideo;
import dev.froster.engine.inference.BundleScoring;
import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ActionDatasetReader;
import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.Subset;
import dev.froster.engine.synth.VideoEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code froster train}: trains a student from a teacher bundle on the base classes of a dataset
 * with one method, and writes it as a bundle ({@code RUN_DIR/model}) with its metrics; checkpoints
 * in {@code RUN_DIR/checkpoints} let {@code --resume} continue an interrupted run.
 *
 * <p>Exit codes: 0 done, 1 the run failed (a bad dataset, teacher or checkpoint, named in the
 * message; nothing trained), 2 bad arguments.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains a video model from a teacher bundle on the base classes of a dataset with FROSTER or"
          + " a fine-tuning baseline, and writes the student as a model bundle (RUN_DIR/model)."
    })
public final class TrainCommand implements Callable<Integer> {

  /** Bundle metric: the frame stride the model was trained with. */
  static final String STRIDE_METRIC = "frame_stride";

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DATASET",
      description = "Dataset folder.")
  private Path data;

  @Option(
      names = "--teacher",
      required = true,
      paramLabel = "BUNDLE",
      description = "Model bundle to start from (and distil from, for froster).")
  private Path teacher;

  @Option(
      names = "--method",
      required = true,
      paramLabel = "froster|finetune|temporal",
      description = "The recipe.")
  private String method;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "RUN_DIR",
      description = "Run folder: model bundle, metrics, checkpoints.")
  private Path output;

  @Option(
      names = "--shots",
      paramLabel = "K",
      description = "Training videos per base class (default: all).")
  private Integer shots;

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 12).")
  private int epochs = 12;

  @Option(names = "--seed", description = "Seed of shots, order and augmentation (default: 0).")
  private long seed;

  @Option(names = "--resume", description = "Continue from the run folder's latest checkpoint.")
  private boolean resume;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = new PrintWriter(System.err, true);
    Method chosen;
    try {
      chosen = MethodLabels.parse(method);
      if (!chosen.trains()) {
        throw new IllegalArgumentException("--method frozen does not train; use froster eval");
      }
    } catch (IllegalArgumentException e) {
      err.println("froster train: " + e.getMessage());
      return 2;
    }
    // every input is checked before anything is written or trained
    ModelBundle.readManifest(teacher);
    ActionDataset dataset = ActionDatasetReader.read(data);
    List<ActionClass> base = dataset.classes(ClassSplit.BASE);
    List<VideoEntry> videos =
        shots == null
            ? dataset.videos(ClassSplit.BASE, Subset.TRAIN, null)
            : dataset.shots(shots, null, seed);
    FrosterSettings settings = Recipes.synthetic(chosen, epochs).seed(seed).build();
    Path model = output.resolve("model");
    if (Files.exists(model)) {
      throw new IOException(model + ": already exists; this run is finished");
    }
    Path resumeFrom = resume ? latestCheckpoint(output) : null;
    if (!resume && Files.isDirectory(output.resolve("checkpoints"))) {
      throw new IOException(
          output + ": holds checkpoints of an earlier run; pass --resume or choose a new folder");
    }
    Files.createDirectories(output);
    try (NDManager manager = NDManager.newBaseManager()) {
      MethodTraining.Trained trained =
          MethodTraining.run(
              teacher,
              settings,
              TrainingVideo.of(videos, base),
              PromptEnsemble.of(base),
              output,
              resumeFrom,
              manager);
      Map<String, Double> metrics = new LinkedHashMap<>(modelMetrics(settings));
      metrics.put("steps", (double) trained.steps());
      metrics.put("training_videos", (double) videos.size());
      metrics.put("skipped_videos", (double) trained.skippedVideos().size());
      ModelBundle.write(
          model,
          trained.start().model(),
          trained.start().tokenizer(),
          new BundleManifest.Provenance(
              teacher.toAbsolutePath().normalize().toString(),
              "bundle",
              trained.start().manifest().files().get(trained.start().manifest().weights()),
              null,
              "froster train --method " + MethodLabels.label(chosen)),
          metrics);
      System.out.println(
          "wrote bundle "
              + model.toAbsolutePath().normalize()
              + " after "
              + trained.steps()
              + " steps");
    }
    return 0;
  }

  /** What {@code froster eval} needs to score a model as it was trained. */
  static Map<String, Double> modelMetrics(FrosterSettings settings) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(BundleScoring.TEMPORAL_METRIC, settings.temporal() ? 1.0 : 0.0);
    metrics.put(
        BundleScoring.FEATURE_MEAN_METRIC, settings.pooling() == Pooling.FEATURE_MEAN ? 1.0 : 0.0);
    metrics.put(BundleScoring.FRAMES_METRIC, (double) settings.frames());
    metrics.put(STRIDE_METRIC, (double) settings.frameStride());
    return metrics;
  }

  private static Path latestCheckpoint(Path run) throws IOException {
    Path folder = run.resolve("checkpoints");
    if (!Files.isDirectory(folder)) {
      throw new IOException(folder + ": no checkpoints to resume from");
    }
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(p -> p.getFileName().toString().startsWith("step-"))
          .max(Path::compareTo)
          .orElseThrow(() -> new IOException(folder + ": no checkpoints to resume from"));
    }
  }
}
