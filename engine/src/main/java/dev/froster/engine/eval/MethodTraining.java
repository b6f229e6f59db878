package dev.froster.engine.eval;

import ai.djl.ndarray.NDManager;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.FrosterTrainer;
import dev.froster.engine.froster.PromptEnsemble;
import dev.froster.engine.froster.TrainingVideo;
import dev.froster.engine.froster.VideoClassifier;
import dev.froster.engine.froster.VideoClips;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One method's run from a teacher bundle, shared by the protocols and {@code froster train}: the
 * bundle is loaded afresh (so runs never share weights), trained with the method's recipe when it
 * trains at all, and returned as the video model to evaluate. The frozen baseline is the loaded
 * model itself, untouched.
 */
public final class MethodTraining {

  /**
   * The outcome of a run.
   *
   * @param start the loaded teacher bundle (its model is the trained student after training)
   * @param model the video model to evaluate
   * @param steps optimiser steps run (0 for the frozen baseline)
   * @param skippedVideos training videos left out because they could not be decoded
   */
  public record Trained(
      ModelBundle start, VideoClassifier model, long steps, List<String> skippedVideos) {}

  private MethodTraining() {}

  /**
   * Loads {@code teacherBundle} into {@code manager} and trains it on {@code videos} (labelled in
   * {@code prompts}' vocabulary) with {@code settings}, checkpoints and metrics in {@code
   * runDirectory}; continues from {@code resumeFrom} when not null.
   *
   * @throws IllegalArgumentException before any training, if {@code resumeFrom} belongs to another
   *     configuration
   */
  public static Trained run(
      Path teacherBundle,
      FrosterSettings settings,
      List<TrainingVideo> videos,
      PromptEnsemble prompts,
      Path runDirectory,
      Path resumeFrom,
      NDManager manager)
      throws IOException {
    ModelBundle bundle = ModelBundle.load(teacherBundle, manager);
    if (!settings.method().trains()) {
      VideoClassifier frozen =
          new VideoClassifier(bundle.model(), settings.temporal(), settings.pooling());
      return new Trained(bundle, frozen, 0, List.of());
    }
    VideoClips clips = clips(settings, bundle, true);
    try (FrosterTrainer trainer =
        new FrosterTrainer(
            bundle.model(),
            bundle.tokenizer(),
            prompts,
            videos,
            settings,
            clips,
            runDirectory,
            manager)) {
      if (resumeFrom != null) {
        trainer.resume(resumeFrom);
      }
      trainer.train();
      return new Trained(bundle, trainer.student(), trainer.step(), trainer.skippedVideos());
    }
  }

  /** The clip sampler of {@code settings} at the bundle's image resolution. */
  public static VideoClips clips(
      FrosterSettings settings, ModelBundle bundle, boolean keepDecoded) {
    return new VideoClips(settings, bundle.model().config().imageResolution(), keepDecoded);
  }
}
