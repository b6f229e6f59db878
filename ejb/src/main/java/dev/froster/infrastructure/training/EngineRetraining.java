package dev.froster.infrastructure.training;

import dev.froster.engine.eval.SplitAccuracy;
import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.Method;
import dev.froster.engine.retraining.HeldOutEvaluation;
import dev.froster.engine.retraining.HeldOutSplit;
import dev.froster.engine.retraining.LabelledClip;
import dev.froster.engine.retraining.RetrainingRun;
import dev.froster.engine.retraining.TrainingCurves;
import dev.froster.engine.retraining.TrainingSetSnapshot;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ActionDatasetReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The engine's side of a {@code froster-train} run. A run's folder holds {@code dataset/} (the
 * snapshot), {@code checkpoints/} and {@code metrics/}; its settings are the JSON {@link
 * TrainingConfiguration#runSettings} froze into the run.
 */
@ApplicationScoped
public class EngineRetraining {

  /** Folder of the snapshot inside a run's folder. */
  static final String SNAPSHOT = "dataset";

  /**
   * Writes the run's training set snapshot.
   *
   * @return its summary as JSON
   * @throws dev.froster.engine.retraining.InvalidTrainingSetException when it cannot be trained on
   */
  public JsonObject snapshot(
      Path runDirectory, List<Path> datasets, List<LabelledClip> clips, JsonObject settings)
      throws IOException {
    List<ActionDataset> read = new ArrayList<>();
    for (Path dataset : datasets) {
      read.add(ActionDatasetReader.read(dataset));
    }
    TrainingSetSnapshot.Summary summary =
        TrainingSetSnapshot.write(
            read,
            clips,
            new HeldOutSplit(settings.getInt("testEvery")),
            runDirectory.resolve(SNAPSHOT));
    return Json.createObjectBuilder()
        .add("classes", summary.classes())
        .add("baseClasses", summary.baseClasses())
        .add("novelClasses", summary.novelClasses())
        .add("trainVideos", summary.trainVideos())
        .add("baseTestVideos", summary.baseTestVideos())
        .add("novelTestVideos", summary.novelTestVideos())
        .add("datasets", summary.datasets())
        .add("labelledClips", summary.labelledClips())
        .add("snapshot", runDirectory.resolve(SNAPSHOT).toString())
        .build();
  }

  /** Deletes a folder and everything in it, if it exists. */
  public void discard(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Trains (resuming when checkpoints exist); see {@link RetrainingRun#run}. */
  public RetrainingRun.Outcome train(
      Path teacherBundle,
      Path runDirectory,
      JsonObject settings,
      Path candidateBundle,
      RetrainingRun.Progress progress,
      BooleanSupplier stopRequested)
      throws IOException {
    RetrainingRun run =
        new RetrainingRun(
            teacherBundle, runDirectory.resolve(SNAPSHOT), runDirectory, frosterSettings(settings));
    return run.run(
        RetrainingRun.device(settings.getString("device")),
        progress,
        stopRequested,
        candidateBundle);
  }

  /**
   * The bundle's held-out accuracies as JSON: {@code base}, {@code novel}, {@code hm} (fractions)
   * and {@code perClass} ({@code {name, split, correct, total, accuracy}}).
   */
  public JsonObject evaluate(Path runDirectory, Path bundle, JsonObject settings)
      throws IOException {
    HeldOutEvaluation.Result result =
        new HeldOutEvaluation(
                runDirectory.resolve(SNAPSHOT),
                settings.getInt("frameStride"),
                settings.getInt("testClips"))
            .evaluate(bundle, RetrainingRun.device(settings.getString("device")));
    JsonArrayBuilder perClass = Json.createArrayBuilder();
    addClasses(perClass, "base", result.base());
    addClasses(perClass, "novel", result.novel());
    return Json.createObjectBuilder()
        .add("base", result.base().percent() / 100)
        .add("novel", result.novel().percent() / 100)
        .add("hm", result.harmonicMean())
        .add("baseVideos", result.base().total())
        .add("novelVideos", result.novel().total())
        .add("perClass", perClass)
        .build();
  }

  /** The run's loss and accuracy per step and per epoch. */
  public JsonObject curves(Path runDirectory) throws IOException {
    return Json.createReader(new java.io.StringReader(TrainingCurves.read(runDirectory).toString()))
        .readObject();
  }

  private static void addClasses(JsonArrayBuilder perClass, String split, SplitAccuracy accuracy) {
    for (SplitAccuracy.ClassAccuracy c : accuracy.perClass()) {
      perClass.add(
          Json.createObjectBuilder()
              .add("name", c.name())
              .add("split", split)
              .add("correct", c.correct())
              .add("total", c.total())
              .add("accuracy", c.percent() / 100));
    }
  }

  /** FROSTER's settings from a run's JSON; warm-up and averaging scale down for short runs. */
  static FrosterSettings frosterSettings(JsonObject settings) {
    int epochs = settings.getInt("epochs");
    double learningRate = settings.getJsonNumber("learningRate").doubleValue();
    return FrosterSettings.builder(Method.FROSTER)
        .epochs(epochs)
        .batchSize(settings.getInt("batchSize"))
        .checkpointEverySteps(settings.getInt("checkpointEverySteps"))
        .learningRates(learningRate, learningRate / 100, learningRate / 100)
        .warmupEpochs(Math.min(2, Math.max(1, epochs / 6)))
        .averageFromEpoch(Math.max(1, Math.min(2, epochs)))
        .frames(settings.getInt("frames"))
        .frameStride(settings.getInt("frameStride"))
        .testClips(settings.getInt("testClips"))
        .horizontalFlip(settings.getBoolean("horizontalFlip"))
        .seed(settings.getJsonNumber("seed").longValue())
        .build();
  }
}
