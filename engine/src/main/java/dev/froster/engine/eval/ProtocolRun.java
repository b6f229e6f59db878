package dev.froster.engine.eval;

import ai.djl.ndarray.NDManager;
import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.PromptEnsemble;
import dev.froster.engine.froster.TrainingVideo;
import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.VideoEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The step both protocols repeat per method and seed: train from the teacher on the given videos
 * (or not, for the frozen baseline), then score every test set with the shared {@link
 * ZeroShotEvaluator}.
 */
final class ProtocolRun {

  private ProtocolRun() {}

  static EvaluationReport.Run run(
      Path teacher,
      FrosterSettings settings,
      List<ActionClass> trainingVocabulary,
      List<VideoEntry> trainingVideos,
      Map<String, TestSet> tests,
      Path runDirectory)
      throws IOException {
    deleteTree(runDirectory); // a run folder of an earlier, interrupted benchmark is stale
    Files.createDirectories(runDirectory);
    try (NDManager manager = NDManager.newBaseManager()) {
      MethodTraining.Trained trained =
          MethodTraining.run(
              teacher,
              settings,
              TrainingVideo.of(trainingVideos, trainingVocabulary),
              PromptEnsemble.of(trainingVocabulary),
              runDirectory,
              null,
              manager);
      ZeroShotEvaluator evaluator =
          new ZeroShotEvaluator(
              trained.start().tokenizer(), MethodTraining.clips(settings, trained.start(), false));
      Map<String, SplitAccuracy> splits = new LinkedHashMap<>();
      for (Map.Entry<String, TestSet> test : tests.entrySet()) {
        splits.put(
            test.getKey(),
            evaluator.evaluate(
                trained.model(), test.getValue().vocabulary(), test.getValue().videos(), manager));
      }
      // every epoch's checkpoint (28 MB for the tiny model) is kept for resuming and averaging;
      // once the run is scored nothing reads them (a rerun starts over): a quick benchmark's 12
      // runs filled 9.4 GB
      deleteTree(runDirectory.resolve("checkpoints"));
      return new EvaluationReport.Run(
          MethodLabels.label(settings.method()), settings.seed(), splits, trained.steps());
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
