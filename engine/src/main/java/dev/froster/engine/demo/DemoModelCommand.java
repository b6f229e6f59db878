package dev.froster.engine.demo;

import ai.djl.ndarray.NDManager;
import dev.froster.engine.bundle.BundleManifest;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.clip.pretrain.ClipPretraining;
import dev.froster.engine.eval.MethodTraining;
import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.PromptEnsemble;
import dev.froster.engine.froster.TrainingVideo;
import dev.froster.engine.inference.BundleScoring;
import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ActionDatasetReader;
import dev.froster.engine.synth.Subset;
import dev.froster.engine.synth.SynthGenerator;
import dev.froster.engine.synth.VideoEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code froster demo-model}: runs {@link DemoRecipe} from nothing to a model bundle: the training
 * world ({@code WORK/world}), the tiny teacher ({@code WORK/teacher}), the FROSTER student on every
 * class ({@code WORK/student}, with checkpoints), then the student as a bundle in {@code OUTPUT}. A
 * stage whose result is already in the work folder is not run again, so an interrupted recipe
 * continues where it stopped.
 *
 * <p>Exit codes: 0 done, 1 a stage failed (named in the message), 2 bad arguments.
 */
@Command(
    name = "demo-model",
    mixinStandardHelpOptions = true,
    description = {
      "Builds the demo model with a fixed recipe: synthetic training world, tiny CLIP teacher,"
          + " FROSTER student trained on every action class; writes it as a model bundle."
    })
public final class DemoModelCommand implements Callable<Integer> {
  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "The model bundle to write (must not exist).")
  private Path output;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description =
          "Folder for the world, the teacher and the student's run (default: OUTPUT.work).")
  private Path work;

  @Option(
      names = "--short",
      description =
          "A few-minute version of the recipe (small world, 100 teacher steps, 1 epoch), for"
              + " checking that two runs give the same weights; not a usable model.")
  private boolean shortRun;

  @Override
  public Integer call() throws IOException {
    // before libtorch loads: its thread pool is sized once per process
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(DemoRecipe.THREADS));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    if (Files.exists(output)) {
      throw new IOException(output + ": already exists; the demo model is never overwritten");
    }
    DemoRecipe.Scale scale = shortRun ? DemoRecipe.Scale.SHORT : DemoRecipe.Scale.FULL;
    Path workFolder = work != null ? work : output.resolveSibling(output.getFileName() + ".work");
    Files.createDirectories(workFolder);
    Path world = workFolder.resolve("world");
    if (!Files.isRegularFile(world.resolve("manifest.json"))) {
      say("generating the training world in " + world);
      new SynthGenerator(DemoRecipe.world(world, scale)).generate();
    }
    ActionDataset dataset = ActionDatasetReader.read(world);

    Path teacher = workFolder.resolve("teacher");
    if (!ModelBundle.isBundle(teacher)) {
      say("pretraining the teacher into " + teacher);
      long every = Math.max(1, scale.teacherSteps() / 10);
      new ClipPretraining(DemoRecipe.teacher(scale))
          .run(
              world,
              teacher,
              (step, loss, rate, norm, logitScale) -> {
                if ((step + 1) % every == 0) {
                  say(String.format(Locale.ROOT, "  teacher step %d  loss %.4f", step + 1, loss));
                }
              });
    }

    Path studentRun = workFolder.resolve("student");
    long started = System.nanoTime();
    List<ActionClass> classes = dataset.classes();
    List<VideoEntry> videos = dataset.videos(null, Subset.TRAIN, null);
    FrosterSettings settings = DemoRecipe.student(scale);
    say("training the student on " + videos.size() + " videos of " + classes.size() + " classes");
    try (NDManager manager = NDManager.newBaseManager()) {
      MethodTraining.Trained trained =
          MethodTraining.run(
              teacher,
              settings,
              TrainingVideo.of(videos, classes),
              PromptEnsemble.of(classes),
              studentRun,
              latestCheckpoint(studentRun),
              manager);
      double studentSeconds = seconds(started);
      BundleManifest teacherManifest = ModelBundle.readManifest(teacher);
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put(BundleScoring.TEMPORAL_METRIC, settings.temporal() ? 1.0 : 0.0);
      metrics.put(BundleScoring.FEATURE_MEAN_METRIC, 0.0);
      metrics.put(BundleScoring.FRAMES_METRIC, (double) settings.frames());
      metrics.put("frame_stride", (double) settings.frameStride());
      metrics.put("steps", (double) trained.steps());
      metrics.put("training_videos", (double) videos.size());
      metrics.put("skipped_videos", (double) trained.skippedVideos().size());
      metrics.put("classes", (double) classes.size());
      // a resumed run counts only the time since it resumed
      metrics.put("student_train_seconds", studentSeconds);
      for (String probe :
          List.of(
              "train_seconds",
              "train_swapped_shape_accuracy",
              "train_swapped_colour_accuracy",
              "train_swapped_motion_accuracy")) {
        Double value = teacherManifest.metrics().get(probe);
        if (value != null) {
          metrics.put("teacher_" + probe, value);
        }
      }
      BundleManifest written =
          ModelBundle.write(
              output,
              trained.start().model(),
              trained.start().tokenizer(),
              new BundleManifest.Provenance(
                  "froster demo-model teacher (WORK/teacher)",
                  "bundle",
                  teacherManifest.files().get(teacherManifest.weights()),
                  null,
                  "froster demo-model"
                      + (shortRun ? " --short" : "")
                      + ": FROSTER on every class of the demo world, "
                      + videos.size()
                      + " videos, "
                      + scale.studentEpochs()
                      + " epochs, seed "
                      + DemoRecipe.STUDENT_SEED),
              metrics);
      System.out.println(
          "wrote bundle "
              + output.toAbsolutePath().normalize()
              + " (weights sha256 "
              + written.files().get(written.weights())
              + ") after "
              + trained.steps()
              + " steps");
    }
    return 0;
  }

  private static double seconds(long startedNanos) {
    return Math.round((System.nanoTime() - startedNanos) / 1e8) / 10.0;
  }

  private static void say(String message) {
    System.out.println(message);
  }

  /** The student run's latest checkpoint, or null when it has none (a fresh start). */
  private static Path latestCheckpoint(Path run) throws IOException {
    Path folder = run.resolve("checkpoints");
    if (!Files.isDirectory(folder)) {
      return null;
    }
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(p -> p.getFileName().toString().startsWith("step-"))
          .max(Path::compareTo)
          .orElse(null);
    }
  }
}
