package dev.froster.engine.clip.pretrain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.froster.engine.clip.ClipConfig;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import dev.froster.engine.training.AdamW;
import dev.froster.engine.training.GradientClipping;
import dev.froster.engine.training.Gradients;
import dev.froster.engine.training.LearningRateSchedule;
import dev.froster.engine.training.NamedParameter;
import dev.froster.engine.training.TrainingRandom;
import dev.froster.engine.video.ClipPreprocessing;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Contrastive pretraining of a CLIP from scratch on captioned images, as Radford et al. train CLIP:
 * each step embeds a batch of images and their captions, scores every image against every caption
 * ({@link ClipModel}'s logits, scaled by the learnable temperature) and minimises the {@link
 * ContrastiveLoss}; AdamW with CLIP's betas, warm-up then cosine learning rate, gradients clipped
 * by global norm, and the logit scale clamped at 100 after every step.
 *
 * <p>Batches walk through the training images in an order reshuffled every epoch, each image
 * bringing images with the nearest captions as hard negatives ({@link CaptionNeighbours}, {@link
 * PretrainSettings#groupSize()}); crops and order are drawn from {@link TrainingRandom}, the
 * initial weights from the engine's generator seeded with the run's seed, so a run is a function of
 * its settings and data.
 */
public final class ClipPretrainer {

  /** CLIP clamps the logit scale so that exp(scale) never exceeds 100. */
  static final float MAX_LOG_SCALE = (float) Math.log(100);

  /** Receives every step's figures, e.g. to print progress or write a metrics file. */
  @FunctionalInterface
  public interface StepListener {
    void afterStep(long step, double loss, double learningRate, double gradientNorm, double scale);
  }

  private final PretrainSettings settings;

  public ClipPretrainer(PretrainSettings settings) {
    this.settings = settings;
  }

  /**
   * Trains a new model on the training images of {@code data}, captions tokenised by {@code
   * tokenizer}; the model's parameters belong to {@code manager}.
   */
  public ClipModel train(
      CaptionedStills data, ClipTokenizer tokenizer, NDManager manager, StepListener listener) {
    if (data.training().size() < 2) {
      throw new IllegalArgumentException(
          data.root() + ": pretraining needs at least two training images");
    }
    ClipConfig config = settings.architecture().withVocabulary(tokenizer.vocabularySize());
    Engine.getInstance().setRandomSeed((int) settings.seed());
    ClipModel model = new ClipModel(config).initializeRandom(manager);
    List<NamedParameter> parameters = new ArrayList<>();
    ClipParameters.byName(model).forEach((n, p) -> parameters.add(new NamedParameter(n, p)));
    LearningRateSchedule schedule =
        new LearningRateSchedule(
            settings.learningRate(),
            settings.learningRate() / 100,
            0,
            settings.warmupSteps(),
            settings.steps());
    List<CaptionedStills.Still> images = data.training();
    long[][] tokens = asLongs(tokenizer.encodeBatch(captionsOf(images), config.contextLength()));
    ClipPreprocessing preprocessing = new ClipPreprocessing(config.imageResolution());
    RandomSquareCrop crop = new RandomSquareCrop(settings.minCropScale());
    int batch = Math.min(settings.batchSize(), images.size());
    AdamW.Settings adamW =
        new AdamW.Settings(
            PretrainSettings.BETA1,
            PretrainSettings.BETA2,
            PretrainSettings.EPSILON,
            settings.weightDecay());
    int groupSize = Math.min(settings.groupSize(), batch);
    CaptionNeighbours neighbours = groupSize > 1 ? new CaptionNeighbours(captionsOf(images)) : null;
    // anchors a batch takes from the order, at most (a group may bring fewer neighbours)
    int anchors = (batch + groupSize - 1) / groupSize;
    try (AdamW optimiser = new AdamW(adamW, manager)) {
      List<Integer> order = List.of();
      int cursor = 0;
      long epoch = -1;
      for (long step = 0; step < settings.steps(); step++) {
        if (cursor + (groupSize > 1 ? batch : anchors) > order.size()) {
          epoch++;
          order =
              shuffledIndices(images.size(), TrainingRandom.at(settings.seed(), epoch, 0, "order"));
          cursor = 0;
        }
        List<Integer> members;
        if (neighbours == null) {
          members = order.subList(cursor, cursor + batch);
          cursor += batch;
        } else {
          CaptionNeighbours.Batch composed =
              neighbours.compose(
                  order.subList(cursor, order.size()),
                  batch,
                  groupSize,
                  TrainingRandom.at(settings.seed(), epoch, step, "group"));
          members = composed.members();
          cursor += composed.anchorsUsed();
        }
        Random random = TrainingRandom.at(settings.seed(), epoch, step, "crop");
        try (NDManager scope = manager.newSubManager()) {
          List<BufferedImage> views = new ArrayList<>(batch);
          long[][] batchTokens = new long[batch][];
          List<String> captions = new ArrayList<>(batch);
          for (int i = 0; i < batch; i++) {
            CaptionedStills.Still still = images.get(members.get(i));
            views.add(crop.apply(still.image(), random));
            batchTokens[i] = tokens[members.get(i)];
            captions.add(still.caption());
          }
          NDArray pixels = preprocessing.batch(scope, views); // (B, 3, R, R)
          NDArray ids = scope.create(batchTokens); // (B, C)
          Gradients.zero(parameters, scope);
          double loss;
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDList logits =
                model.forward(new ParameterStore(scope, false), new NDList(pixels, ids), true);
            NDArray value = ContrastiveLoss.of(logits.get(0), captions, scope); // ()
            collector.backward(value);
            loss = value.getFloat();
          }
          double norm =
              GradientClipping.clipGlobalNorm(parameters, settings.maxGradientNorm(), scope);
          double learningRate = schedule.at(step);
          if (!Double.isFinite(norm) || !Double.isFinite(loss)) {
            // in fp32 this is a diverging run or a bug, never noise to step over
            throw new IllegalStateException(
                "training diverged at step "
                    + step
                    + ": loss "
                    + loss
                    + ", gradient norm "
                    + norm
                    + " (lower the learning rate)");
          }
          optimiser.step(parameters, learningRate, scope);
          float scale = clampLogitScale(model);
          listener.afterStep(step, loss, learningRate, norm, Math.exp(scale));
        }
      }
    }
    return model;
  }

  /** Clamps the logit scale at log(100) in place, as CLIP does; returns its value. */
  private static float clampLogitScale(ClipModel model) {
    NDArray logScale = model.logitScale().getArray();
    float value = logScale.getFloat();
    if (value > MAX_LOG_SCALE) {
      logScale.set(new float[] {MAX_LOG_SCALE});
      return MAX_LOG_SCALE;
    }
    return value;
  }

  private static List<Integer> shuffledIndices(int n, Random random) {
    List<Integer> indices = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      indices.add(i);
    }
    Collections.shuffle(indices, random);
    return indices;
  }

  private static List<String> captionsOf(List<CaptionedStills.Still> stills) {
    return stills.stream().map(CaptionedStills.Still::caption).toList();
  }

  /** Token rows as int64, the type of the text tower's embedding lookup. */
  static long[][] asLongs(int[][] rows) {
    long[][] longs = new long[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      longs[i] = new long[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        longs[i][j] = rows[i][j];
      }
    }
    return longs;
  }
}
