package dev.froster.engine.froster;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.froster.engine.clip.ClipModel;
import dev.froster.engine.clip.ClipParameters;
import dev.froster.engine.clip.tokenizer.ClipTokenizer;
import dev.froster.engine.training.AdamW;
import dev.froster.engine.training.GradientClipping;
import dev.froster.engine.training.Gradients;
import dev.froster.engine.training.LearningRateSchedule;
import dev.froster.engine.training.MetricsWriter;
import dev.froster.engine.training.NamedParameter;
import dev.froster.engine.training.TrainingRandom;
import dev.froster.engine.training.TrainingState;
import dev.froster.engine.video.VideoDecodingException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * One trainer for FROSTER and its baselines (froster-method.md, "Residual feature distillation" and
 * "Optimisation"): per step, a batch of augmented clips and one random prompt per class; the
 * student's frame-pooled logits against its own class embeddings give the cross-entropy; with a
 * teacher, the student's unit frame features and class embeddings through the residual heads are
 * pulled towards the frozen teacher's. AdamW, warm-up + cosine, clipping; the final weights are the
 * average of the epoch-end weights from {@code averageFromEpoch} on.
 *
 * <p>Everything that decides a step (data order, augmentation, prompts) is a function of the seed
 * and the step number, and every checkpoint holds weights, optimiser moments, running average and
 * position: a resumed run repeats the uninterrupted one.
 */
public final class FrosterTrainer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(FrosterTrainer.class.getName());
  private static final List<String> STEP_COLUMNS =
      List.of(
          "step", "epoch", "learning_rate", "loss", "cross_entropy", "distillation", "grad_norm");
  private static final List<String> EPOCH_COLUMNS =
      List.of("epoch", "loss", "cross_entropy", "distillation", "train_accuracy", "skipped_videos");

  /** What one step measured. */
  public record StepMetrics(
      long step, double loss, double crossEntropy, double distillation, double gradientNorm) {}

  private final FrosterSettings settings;
  private final ClipTokenizer tokenizer;
  private final PromptEnsemble prompts;
  private final List<TrainingVideo> videos;
  private final VideoClips clips;
  private final Path runDirectory;
  private final NDManager manager;
  private final VideoClassifier student;
  private final ResidualHead visualHead;
  private final ResidualHead textHead;
  private final FrozenTeacher teacher;
  private final List<NamedParameter> studentParameters = new ArrayList<>();
  private final List<NamedParameter> trainable = new ArrayList<>();
  private final AdamW optimiser;
  private final WeightAveraging averaging;
  private final LearningRateSchedule schedule;
  private final int stepsPerEpoch;
  private final RunCheckpoints checkpoints;
  private final TreeSet<String> skippedVideos = new TreeSet<>();
  private final EpochTotals epochTotals = new EpochTotals();
  private long step;

  /**
   * A trainer of {@code start} (updated in place) on {@code videos} labelled in the vocabulary
   * {@code prompts}; checkpoints and metrics go to {@code runDirectory}.
   */
  public FrosterTrainer(
      ClipModel start,
      ClipTokenizer tokenizer,
      PromptEnsemble prompts,
      List<TrainingVideo> videos,
      FrosterSettings settings,
      VideoClips clips,
      Path runDirectory,
      NDManager parent) {
    if (videos.isEmpty()) {
      throw new IllegalArgumentException("no training videos");
    }
    for (TrainingVideo video : videos) {
      if (video.classIndex() < 0 || video.classIndex() >= prompts.classes()) {
        throw new IllegalArgumentException(
            video.file() + " has class index " + video.classIndex() + " outside the vocabulary");
      }
    }
    this.settings = settings;
    this.tokenizer = tokenizer;
    this.prompts = prompts;
    this.videos = List.copyOf(videos);
    this.clips = clips;
    this.runDirectory = runDirectory;
    this.manager = parent.newSubManager();
    Method method = settings.method();
    student = new VideoClassifier(start, settings.temporal(), settings.pooling());
    ClipParameters.byName(start)
        .forEach((name, p) -> studentParameters.add(new NamedParameter("student." + name, p)));
    trainable.addAll(studentParameters);
    if (method.distils()) {
      int width = start.config().embedDim();
      visualHead =
          new ResidualHead(width, settings.alpha())
              .initializeFresh(manager, TrainingRandom.at(settings.seed(), 0, 0, "head.visual"));
      textHead =
          new ResidualHead(width, settings.alpha())
              .initializeFresh(manager, TrainingRandom.at(settings.seed(), 0, 0, "head.text"));
      addHead("head.visual.", visualHead);
      addHead("head.text.", textHead);
      teacher = new FrozenTeacher(start, prompts, tokenizer, manager);
    } else {
      visualHead = null;
      textHead = null;
      teacher = null;
    }
    optimiser = new AdamW(settings.optimiser(), manager);
    averaging = new WeightAveraging(manager);
    stepsPerEpoch = Math.max(1, videos.size() / settings.batchSize());
    schedule =
        LearningRateSchedule.ofEpochs(
            settings.baseLearningRate(),
            settings.warmupStartLearningRate(),
            settings.endLearningRate(),
            settings.warmupEpochs(),
            Math.max(1, settings.epochs()),
            stepsPerEpoch);
    checkpoints = RunCheckpoints.of(runDirectory, settings, start.config(), prompts, this.videos);
  }

  private void addHead(String prefix, ResidualHead head) {
    for (Pair<String, Parameter> p : head.getParameters()) {
      trainable.add(new NamedParameter(prefix + p.getKey(), p.getValue()));
    }
  }

  /** Optimiser steps of one epoch (videos / batch, at least one; the remainder is dropped). */
  public int stepsPerEpoch() {
    return stepsPerEpoch;
  }

  /** Steps of the whole run. */
  public long totalSteps() {
    return settings.method().trains() ? (long) settings.epochs() * stepsPerEpoch : 0;
  }

  /** Steps done so far. */
  public long step() {
    return step;
  }

  public VideoClassifier student() {
    return student;
  }

  /** The teacher, or null for recipes without distillation. */
  public FrozenTeacher teacher() {
    return teacher;
  }

  /** The residual heads (visual, text), or null without distillation. */
  public ResidualHead[] heads() {
    return visualHead == null ? null : new ResidualHead[] {visualHead, textHead};
  }

  /** Folder of the checkpoint saved after {@code atStep} steps. */
  public Path checkpoint(long atStep) {
    return checkpoints.folder(atStep);
  }

  /**
   * Continues the run from the checkpoint folder {@code checkpoint}.
   *
   * @throws IllegalArgumentException before anything changes, if the checkpoint was made with other
   *     settings, model, vocabulary or data (naming what differs)
   */
  public void resume(Path checkpoint) throws IOException {
    try (TrainingState state = checkpoints.load(checkpoint, manager)) {
      for (NamedParameter p : trainable) {
        state.array(p.name()).copyTo(p.array());
      }
      optimiser.restoreFrom(state);
      averaging.restoreFrom(state);
      step = Long.parseLong(state.fact("step"));
      epochTotals.restore(state);
      skippedVideos.clear();
      String skipped = state.fact("skipped_videos");
      if (!skipped.isEmpty()) {
        skippedVideos.addAll(List.of(skipped.split("\n")));
      }
    }
  }

  /**
   * Trains until the run ends or {@code stopAfterStep} steps are done (then saves a checkpoint to
   * resume from); returns the metrics of the steps run by this call.
   */
  public List<StepMetrics> train(long stopAfterStep) throws IOException {
    List<StepMetrics> ran = new ArrayList<>();
    long end = Math.min(totalSteps(), stopAfterStep);
    Path metrics = runDirectory.resolve("metrics");
    try (MetricsWriter steps =
            MetricsWriter.resume(metrics.resolve("steps.csv"), STEP_COLUMNS, step);
        MetricsWriter epochs =
            MetricsWriter.resume(
                metrics.resolve("epochs.csv"), EPOCH_COLUMNS, step / stepsPerEpoch)) {
      while (step < end) {
        StepMetrics measured = runStep();
        if (measured != null) {
          ran.add(measured);
          steps.row(
              step,
              (step - 1) / stepsPerEpoch + 1,
              schedule.at(step - 1),
              measured.loss(),
              measured.crossEntropy(),
              measured.distillation(),
              measured.gradientNorm());
        }
        boolean epochEnd = step % stepsPerEpoch == 0;
        if (epochEnd) {
          endEpoch(epochs);
        }
        boolean periodic =
            settings.checkpointEverySteps() > 0 && step % settings.checkpointEverySteps() == 0;
        if (epochEnd || periodic || step == end) {
          saveCheckpoint();
        }
      }
    }
    if (step == totalSteps() && averaging.count() > 0) {
      applyAverage();
    }
    return ran;
  }

  /** Trains the whole run. */
  public List<StepMetrics> train() throws IOException {
    return train(Long.MAX_VALUE);
  }

  /** Decodes the step's clips (skipping undecodable videos) and optimises on them. */
  private StepMetrics runStep() {
    int epoch = (int) (step / stepsPerEpoch);
    int inEpoch = (int) (step % stepsPerEpoch);
    int[] order = epochOrder(epoch);
    try (NDManager decoding = manager.newSubManager()) {
      Random augmentation = TrainingRandom.at(settings.seed(), epoch, inEpoch, "augmentation");
      NDList batch = new NDList();
      List<Integer> labelList = new ArrayList<>();
      for (int i = inEpoch * settings.batchSize();
          i < Math.min(order.length, (inEpoch + 1) * settings.batchSize());
          i++) {
        TrainingVideo video = videos.get(order[i]);
        if (skippedVideos.contains(video.file().toString())) {
          continue;
        }
        try {
          batch.add(clips.trainingClip(video.file(), augmentation, decoding));
          labelList.add(video.classIndex());
        } catch (VideoDecodingException e) {
          skippedVideos.add(video.file().toString());
          LOG.log(
              System.Logger.Level.WARNING,
              "skipping undecodable video {0}: {1}",
              video.file(),
              e.getMessage());
        }
      }
      if (batch.isEmpty()) {
        step++; // no video of this batch could be decoded: the step passes without an update
        return null;
      }
      return step(NDArrays.stack(batch), labelList.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  /**
   * One optimisation step, the current one (its prompts and learning rate), on clips (B, T, 3, R,
   * R) in memory with their class indices; advances the step. {@code clipBatch} stays the caller's.
   */
  StepMetrics step(NDArray clipBatch, int[] labels) {
    int epoch = (int) (step / stepsPerEpoch);
    int inEpoch = (int) (step % stepsPerEpoch);
    StepMetrics measured;
    try (NDManager scope = manager.newSubManager()) {
      clipBatch.tempAttach(scope); // results of ops on the clips belong to the clips' manager
      measured = optimise(clipBatch, labels, epoch, inEpoch, schedule.at(step), scope);
    }
    step++;
    return measured;
  }

  private StepMetrics optimise(
      NDArray clipBatch,
      int[] labels,
      int epoch,
      int inEpoch,
      double learningRate,
      NDManager scope) {
    int[] templates =
        prompts.drawTemplates(TrainingRandom.at(settings.seed(), epoch, inEpoch, "prompts"));
    NDArray tokens = student.tokens(tokenizer, prompts.trainingTexts(templates), scope);
    NDArray teacherFrames = null;
    NDArray teacherClasses = null;
    if (teacher != null) {
      // (B, T, D) frame-wise and (C, D) cached: no gradients flow into the teacher
      teacherFrames = teacher.frameFeatures(clipBatch);
      teacherClasses = teacher.trainingClassEmbeddings(templates, scope);
    }
    ParameterStore store = new ParameterStore(scope, false);
    Gradients.zero(trainable, scope);
    FrosterLoss.Parts parts;
    NDArray logits;
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray frames = student.frameFeatures(store, clipBatch, true); // (B, T, D)
      NDArray classes =
          student.classEmbeddings(store, tokens, PromptEnsemble.TRAINING_PROMPTS, true); // (C, D)
      logits = student.logits(store, frames, classes, true); // (B, C), unprojected features
      NDArray crossEntropy = FrosterLoss.crossEntropy(logits, labels);
      if (teacher != null) {
        long width = frames.getShape().get(2);
        // (B·T, D) unit student frames through the visual head vs the teacher's frames
        NDArray unitFrames = ClipModel.normalise(frames).reshape(-1, width);
        NDArray projected = visualHead.forward(store, new NDList(unitFrames), true).head();
        NDArray visual = FrosterLoss.cosineDistance(projected, teacherFrames.reshape(-1, width));
        NDArray projectedText = textHead.forward(store, new NDList(classes), true).head();
        NDArray text = FrosterLoss.cosineDistance(projectedText, teacherClasses);
        parts = FrosterLoss.total(crossEntropy, visual, text, settings.beta());
      } else {
        parts = FrosterLoss.crossEntropyOnly(crossEntropy);
      }
      collector.backward(parts.total());
    }
    double norm = GradientClipping.clipGlobalNorm(trainable, settings.clipNorm(), scope);
    optimiser.step(trainable, learningRate, scope);
    int[] predicted = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
    int correct =
        (int) IntStream.range(0, labels.length).filter(b -> predicted[b] == labels[b]).count();
    StepMetrics measured =
        new StepMetrics(
            step + 1,
            parts.total().getFloat(),
            parts.crossEntropy().getFloat(),
            parts.distillation().getFloat(),
            norm);
    epochTotals.add(measured, correct, labels.length);
    return measured;
  }

  private int[] epochOrder(int epoch) {
    List<Integer> order = new ArrayList<>(IntStream.range(0, videos.size()).boxed().toList());
    Collections.shuffle(order, TrainingRandom.at(settings.seed(), epoch, 0, "order"));
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  private void endEpoch(MetricsWriter epochs) throws IOException {
    int epochNumber = (int) (step / stepsPerEpoch);
    epochs.row(epochTotals.row(epochNumber, skippedVideos.size()));
    if (epochNumber >= settings.averageFromEpoch()) {
      Map<String, NDArray> weights = new LinkedHashMap<>();
      studentParameters.forEach(p -> weights.put(p.name(), p.array()));
      averaging.add(weights);
    }
    epochTotals.reset();
  }

  private void saveCheckpoint() throws IOException {
    TrainingState.Builder state = TrainingState.builder();
    state.fact("step", Long.toString(step));
    state.fact("skipped_videos", String.join("\n", skippedVideos));
    epochTotals.saveInto(state);
    trainable.forEach(p -> state.array(p.name(), p.array()));
    optimiser.saveInto(state);
    averaging.saveInto(state);
    checkpoints.save(step, state);
  }

  /** Replaces the student's weights by the epoch average (the final model). */
  private void applyAverage() {
    try (NDManager scope = manager.newSubManager()) {
      Map<String, NDArray> mean = averaging.mean(scope);
      for (NamedParameter p : studentParameters) {
        mean.get(p.name()).copyTo(p.array());
      }
    }
  }

  /** Videos that could not be decoded and were left out, by path. */
  public List<String> skippedVideos() {
    return List.copyOf(skippedVideos);
  }

  @Override
  public void close() {
    manager.close();
  }
}
