package dev.froster.engine.retraining;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import dev.froster.engine.bundle.ModelBundle;
import dev.froster.engine.eval.SplitAccuracy;
import dev.froster.engine.eval.ZeroShotEvaluator;
import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.Method;
import dev.froster.engine.froster.VideoClassifier;
import dev.froster.engine.froster.VideoClips;
import dev.froster.engine.inference.BundleScoring;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.ActionDatasetReader;
import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.Subset;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Scores any bundle (candidate, active version, teacher) on a snapshot's held-out videos with the
 * shared {@link ZeroShotEvaluator}: base-class test videos against the base classes, novel-class
 * videos against the novel classes, each bundle as its metrics say it scores (frames, temporal
 * attention, pooling, frame stride).
 */
public final class HeldOutEvaluation {

  /**
   * One model's held-out accuracies.
   *
   * @param base on the base classes' test videos
   * @param novel on the novel classes' videos
   */
  public record Result(SplitAccuracy base, SplitAccuracy novel) {

    /** HM of the two, as a fraction: 2BN / (B + N). */
    public double harmonicMean() {
      double b = base.percent() / 100;
      double n = novel.percent() / 100;
      return b + n == 0 ? 0 : 2 * b * n / (b + n);
    }
  }

  private final Path snapshot;
  private final int defaultFrameStride;
  private final int testClips;

  /**
   * @param defaultFrameStride stride for bundles that do not record theirs (imported CLIP)
   * @param testClips clips per test video, predictions averaged
   */
  public HeldOutEvaluation(Path snapshot, int defaultFrameStride, int testClips) {
    this.snapshot = snapshot;
    this.defaultFrameStride = defaultFrameStride;
    this.testClips = testClips;
  }

  /** Scores the bundle at {@code bundleFolder} on {@code device}. */
  public Result evaluate(Path bundleFolder, Device device) throws IOException {
    RetrainingRun.noGradientsByDefault();
    ActionDataset dataset = ActionDatasetReader.read(snapshot);
    try (NDManager manager = NDManager.newBaseManager(device)) {
      ModelBundle bundle = ModelBundle.load(bundleFolder, manager);
      // Inference only: a worker thread's autograd would otherwise keep every forward's graph.
      bundle.model().getParameters().values().forEach(p -> p.getArray().setRequiresGradient(false));
      BundleScoring scoring = BundleScoring.of(bundle.manifest().metrics());
      int stride =
          bundle.manifest().metrics().containsKey(RetrainingRun.STRIDE_METRIC)
              ? bundle.manifest().metrics().get(RetrainingRun.STRIDE_METRIC).intValue()
              : defaultFrameStride;
      FrosterSettings sampling =
          FrosterSettings.builder(Method.FROZEN_CLIP)
              .frames(scoring.frames())
              .frameStride(stride)
              .testClips(testClips)
              .build();
      VideoClassifier model =
          new VideoClassifier(bundle.model(), scoring.temporal(), scoring.pooling());
      ZeroShotEvaluator evaluator =
          new ZeroShotEvaluator(
              bundle.tokenizer(),
              new VideoClips(sampling, bundle.model().config().imageResolution(), false));
      SplitAccuracy base =
          evaluator.evaluate(
              model,
              dataset.classes(ClassSplit.BASE),
              dataset.videos(ClassSplit.BASE, Subset.TEST, null),
              manager);
      SplitAccuracy novel =
          evaluator.evaluate(
              model,
              dataset.classes(ClassSplit.NOVEL),
              dataset.videos(ClassSplit.NOVEL, null, null),
              manager);
      return new Result(base, novel);
    }
  }
}
