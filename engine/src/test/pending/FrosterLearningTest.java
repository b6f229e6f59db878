package dev.froster.engine.froster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import dev.froster.engine.clip.pretrain.CaptionedStills;
import dev.froster.engine.clip.pretrain.ClipPretrainer;
import dev.froster.engine.clip.pretrain.PretrainSettings;
import dev.froster.engine.clip.pretrain.SwappedCaptionProbe;
import dev.froster.engine.clip.pretrain.TinyClipArchitecture;
import dev.froster.engine.clip.tokenizer.BpeTrainer;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import dev.froster.engine.synth.ActionClass;
import dev.froster.engine.synth.ActionDataset;
import dev.froster.engine.synth.CaptionVocabulary;
import dev.froster.engine.synth.ClassSplit;
import dev.froster.engine.synth.NovelClasses;
import dev.froster.engine.synth.ShapeKind;
import dev.froster.engine.synth.Subset;
import dev.froster.engine.synth.SynthGenerator;
import dev.froster.engine.synth.SynthSettings;
import dev.froster.engine.video.ClipPreprocessing;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FROSTER learns the base classes when it starts, as the method does, from a pretrained CLIP: a
 * tiny CLIP is first pretrained contrastively on the synthetic world's captioned stills (which
 * carry the motion cues a photograph can carry), then fine-tuned with the frozen teacher and
 * residual distillation on the base classes' videos. (From a random CLIP every video and every
 * class text look alike, so nothing can be learned: that start is no test of the method.)
 */
class FrosterLearningTest {
  /**
   * The teacher's shape: 32-px frames in 16 patches, two layers per tower, and 32 text positions so
   * that the longest prompt ("a demonstration of a person practicing ...") keeps the class name.
   */
  static final TinyClipArchitecture TEACHER = new TinyClipArchitecture(32, 8, 64, 2, 64, 64, 2, 32);

  static final int PRETRAIN_STEPS = 600;
  static final int PRETRAIN_BATCH = 32;

  /** Hard-negative groups of six: two sets of the world's three shapes ({@link SynthGenerator}). */
  static final int PRETRAIN_GROUP = 6;

  static final List<ShapeKind> SHAPES = List.of(ShapeKind.CIRCLE, ShapeKind.SQUARE, ShapeKind.STAR);
  static final double PRETRAIN_LR = 1e-3;
  static final int EPOCHS = 12;
  static final double LR = 1e-3;

  @TempDir static Path shared;
  static ActionDataset dataset;
  static ClipTokenizer tokenizer;
  static List<ActionClass> base;
  static PromptEnsemble prompts;
  static List<TrainingVideo> trainVideos;
  static Map<String, float[]> pretrained;
  static double teacherShapeAccuracy;

  static int engineThreads;

  @AfterAll
  static void restoreThreads() {
    JniUtils.setNumThreads(engineThreads);
  }

  /**
   * One intra-op thread, as in {@link FrosterTrainingTest} (two fight the other builds), set before
   * the pretraining: JUnit runs several {@code @BeforeAll} methods in an unspecified order.
   *
   * <p>Three shapes, 32-px 2-s videos (three per class and domain), 384 captioned stills; a BPE
   * vocabulary learned from the captions and a teacher pretrained on them with a fixed seed.
   */
  @BeforeAll
  static void pretrainedWorld() throws IOException {
    Engine.getInstance(); // loads libtorch, which the thread calls need
    engineThreads = JniUtils.getNumThreads();
    JniUtils.setNumThreads(1);
    Path world = shared.resolve("world");
    dataset =
        new SynthGenerator(new SynthSettings(world, 7, 3, 1024, 32, 15, 2, SHAPES, NovelClasses.SHAPE_MOTION, 2)).generate();
    base = dataset.classes(ClassSplit.BASE);
    prompts = PromptEnsemble.of(base);
    trainVideos = TrainingVideo.of(dataset.videos(ClassSplit.BASE, Subset.TRAIN, null), base);

    CaptionedStills stills = CaptionedStills.read(world, 0, 1);
    tokenizer = BpeTrainer.learn(stills.trainingCaptions(), 1024).writeTo(shared.resolve("bpe"));
    PretrainSettings settings =
        new PretrainSettings(
            TEACHER,
            1024,
            PRETRAIN_STEPS,
            PRETRAIN_BATCH,
            3,
            PRETRAIN_LR,
            10,
            0.2,
            1.0,
            0,
            0.7,
            PRETRAIN_GROUP);
    double[] lastLoss = new double[1];
    long started = System.nanoTime();
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel model =
          new ClipPretrainer(settings)
              .train(
                  stills,
                  tokenizer,
                  manager,
                  (step, loss, lr, norm, scale) -> {
                    lastLoss[0] = loss;
                    if (step % 100 == 0) {
                      System.out.printf(Locale.ROOT, "pretrain %d loss %.3f%n", step, loss);
                    }
                  });
      teacherShapeAccuracy = stillShapeAccuracy(model, stills.training(), manager);
      new SwappedCaptionProbe(CaptionVocabulary.attributeFamilies())
          .measure(model, tokenizer, stills.training().subList(0, 256), manager)
          .forEach(
              (family, r) ->
                  System.out.printf(
                      Locale.ROOT,
                      "swapped-caption %s %.3f (chance %.3f, n %d)%n",
                      family,
                      r.accuracy(),
                      r.chance(),
                      r.count()));
      pretrained = new LinkedHashMap<>();
      ClipParameters.byName(model)
          .forEach((n, p) -> pretrained.put(n, p.getArray().toFloatArray()));
    }
    System.out.printf(
        Locale.ROOT,
        "teacher: %d steps of %d stills in %.1f s, last contrastive loss %.3f, shape named on"
            + " training stills %.3f (chance %.3f)%n",
        PRETRAIN_STEPS,
        PRETRAIN_BATCH,
        (System.nanoTime() - started) / 1e9,
        lastLoss[0],
        teacherShapeAccuracy,
        1.0 / SHAPES.size());
  }

  /**
   * FROSTER can only start from a teacher that tells the world's shapes apart: without that the
   * class texts and the videos carry nothing for the student to align (see the class comment).
   */
  @Test
  void thePretrainedTeacherNamesTheShapeOfItsTrainingStills() {
    double chance = 1.0 / SHAPES.size();
    assertTrue(
        teacherShapeAccuracy > 2 * chance,
        "the teacher names the shape of "
            + teacherShapeAccuracy
            + " of its training stills, chance "
            + chance);
  }

  @Test
  void fromAPretrainedClipTheLossFallsBaseAccuracyRisesAndTheTeacherStaysBitIdentical(
      @TempDir Path run) throws IOException {
    try (NDManager manager = NDManager.newBaseManager()) {
      ClipModel start = startModel(manager);
      FrosterSettings settings =
          FrosterSettings.builder(Method.FROSTER)
              .frames(4)
              .frameStride(4)
              .testClips(2)
              // a flip turns "moving left" into "moving right": it would teach wrong labels
              .horizontalFlip(false)
              .learningRates(LR, LR / 100, LR / 100)
              .warmupEpochs(1)
              .epochs(EPOCHS)
              .batchSize(8)
              .seed(3)
              .build();
      VideoClassifier zero =
          new VideoClassifier(start, Method.FROSTER.temporal(), Method.FROSTER.pooling());
      double zeroShot = baseTestAccuracy(zero, settings, manager, prompts);
      VideoClips clips = new VideoClips(settings, TEACHER.imageResolution(), true);
      long started = System.nanoTime();
      try (FrosterTrainer trainer =
          new FrosterTrainer(
              start, tokenizer, prompts, trainVideos, settings, clips, run, manager)) {
        List<FrosterTrainer.StepMetrics> steps = trainer.train();
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(trainer.totalSteps(), steps.size());
        int perEpoch = trainer.stepsPerEpoch();
        double first = meanCrossEntropy(steps.subList(0, perEpoch));
        double last = meanCrossEntropy(steps.subList(steps.size() - perEpoch, steps.size()));
        double accuracy = baseTestAccuracy(trainer.student(), settings, manager, prompts);
        double chance = 1.0 / base.size();
        System.out.printf(
            Locale.ROOT,
            "FROSTER: %d train videos, %d epochs of %d steps in %.1f s; cross-entropy %.3f -> %.3f"
                + " (ln %d = %.3f); base test top-1 %.3f (zero-shot before %.3f), chance %.3f%n",
            trainVideos.size(),
            EPOCHS,
            perEpoch,
            seconds,
            first,
            last,
            base.size(),
            Math.log(base.size()),
            accuracy,
            zeroShot,
            chance);

        assertTrue(last < first * 0.8, "cross-entropy " + first + " -> " + last);
        assertTrue(accuracy > 2 * chance, "base accuracy " + accuracy + ", chance " + chance);
        Map<String, float[]> teacherAfter = snapshot(trainer.teacher().model());
        pretrained.forEach((n, v) -> assertArrayEquals(v, teacherAfter.get(n), 0f, "teacher " + n));
      }
    }
  }

  /**
   * How often "a photo of a {shape}" is the teacher's best of the world's shape prompts for the
   * first 256 training stills, scored against the shape word in each still's caption.
   */
  private static double stillShapeAccuracy(
      ClipModel model, List<CaptionedStills.Still> stills, NDManager manager) {
    List<CaptionedStills.Still> sample = stills.subList(0, Math.min(256, stills.size()));
    List<String> words = SHAPES.stream().map(ShapeKind::word).toList();
    try (NDManager scope = manager.newSubManager()) {
      List<BufferedImage> images = sample.stream().map(CaptionedStills.Still::image).toList();
      NDArray pixels = new ClipPreprocessing(TEACHER.imageResolution()).batch(scope, images);
      NDArray imageFeatures = ClipModel.normalise(model.encodeImage(pixels)); // (N, D)
      List<String> texts = words.stream().map(w -> "a photo of a " + w).toList();
      NDArray ids = scope.create(tokenizer.encodeBatch(texts, TEACHER.contextLength()));
      NDArray textFeatures = ClipModel.normalise(model.encodeText(ids)); // (S, D)
      long[] best = imageFeatures.matMul(textFeatures.transpose()).argMax(1).toLongArray();
      int correct = 0;
      for (int i = 0; i < best.length; i++) {
        correct += sample.get(i).caption().contains(words.get((int) best[i])) ? 1 : 0;
      }
      return (double) correct / best.length;
    }
  }

  private static ClipModel startModel(NDManager manager) {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    var config = TEACHER.withVocabulary(tokenizer.vocabularySize());
    var shapes = ClipParameters.shapes(config);
    pretrained.forEach((n, v) -> arrays.put(n, manager.create(v, shapes.get(n))));
    return new ClipModel(config).initializeFrom(manager, arrays);
  }

  private static Map<String, float[]> snapshot(ClipModel model) {
    Map<String, float[]> values = new LinkedHashMap<>();
    ClipParameters.byName(model).forEach((n, p) -> values.put(n, p.getArray().toFloatArray()));
    return values;
  }

  private static double meanCrossEntropy(List<FrosterTrainer.StepMetrics> steps) {
    return steps.stream()
        .mapToDouble(FrosterTrainer.StepMetrics::crossEntropy)
        .average()
        .orElseThrow();
  }

  /** Top-1 on the held-out base test videos, with all 29 prompts and K clips per video. */
  private static double baseTestAccuracy(
      VideoClassifier student, FrosterSettings settings, NDManager manager, PromptEnsemble prompts)
      throws IOException {
    List<TrainingVideo> test =
        TrainingVideo.of(dataset.videos(ClassSplit.BASE, Subset.TEST, null), base);
    VideoClips clips = new VideoClips(settings, TEACHER.imageResolution(), false);
    int correct = 0;
    try (NDManager scope = manager.newSubManager()) {
      NDArray tokens = student.tokens(tokenizer, prompts.testTexts(), scope);
      NDArray classes =
          student.classEmbeddings(
              new ParameterStore(scope, false), tokens, PromptEnsemble.TEST_PROMPTS, false);
      for (TrainingVideo video : test) {
        NDArray views = clips.testClips(video.file(), scope).expandDims(0);
        int predicted = (int) student.probabilities(views, classes).argMax(1).getLong();
        correct += predicted == video.classIndex() ? 1 : 0;
      }
    }
    return (double) correct / test.size();
  }
}
