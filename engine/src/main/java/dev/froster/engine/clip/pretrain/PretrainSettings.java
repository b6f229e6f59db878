package dev.froster.engine.clip.pretrain;

/**
 * Everything that decides a pretraining run besides its data: with the same settings and data, the
 * same weights come out (on CPU).
 *
 * @param architecture the model's shape
 * @param vocabularySize most ids the trained BPE vocabulary may have (at least 514)
 * @param steps optimiser steps
 * @param batchSize images (and captions) per step
 * @param seed seeds the initial weights, the held-out split, batch order and crops
 * @param learningRate peak learning rate of the warm-up/cosine schedule
 * @param warmupSteps steps of linear warm-up from 1% of the peak
 * @param weightDecay AdamW's decoupled decay of weight matrices
 * @param maxGradientNorm global L2 norm gradients are clipped to
 * @param heldOutFraction fraction of the images kept aside to measure retrieval
 * @param minCropScale smallest area fraction a random square crop keeps (1: no augmentation)
 * @param groupSize images per hard-negative group of a batch: an anchor and the images whose
 *     captions are nearest to its caption ({@link CaptionNeighbours}); 1 gives CLIP's random
 *     batches
 */
public record PretrainSettings(
    TinyClipArchitecture architecture,
    int vocabularySize,
    int steps,
    int batchSize,
    long seed,
    double learningRate,
    int warmupSteps,
    double weightDecay,
    double maxGradientNorm,
    double heldOutFraction,
    double minCropScale,
    int groupSize) {

  /** CLIP's AdamW betas and epsilon (Radford et al., table of hyper-parameters). */
  static final double BETA1 = 0.9;

  static final double BETA2 = 0.98;
  static final double EPSILON = 1e-6;

  public PretrainSettings {
    if (steps <= 0 || batchSize < 2) {
      throw new IllegalArgumentException(
          "need at least one step and two images per batch, got steps "
              + steps
              + ", batch "
              + batchSize);
    }
    if (warmupSteps < 0 || warmupSteps > steps) {
      throw new IllegalArgumentException(
          "warm-up steps must lie in [0, steps], was " + warmupSteps);
    }
    if (groupSize < 1 || groupSize > batchSize) {
      throw new IllegalArgumentException(
          "hard-negative group size must lie in [1, batch size "
              + batchSize
              + "], was "
              + groupSize);
    }
    if (!(learningRate > 0) || !(weightDecay >= 0) || !(maxGradientNorm > 0)) {
      throw new IllegalArgumentException(
          "learning rate and gradient norm must be positive, weight decay not negative");
    }
  }

  /** The full run on the synthetic world: 3000 steps of 64 images. */
  public static PretrainSettings defaults() {
    return new PretrainSettings(
        TinyClipArchitecture.synthetic(), 1024, 3000, 64, 7, 5e-4, 200, 0.2, 1.0, 0.1, 0.7, 6);
  }

  /** A smoke run that finishes in a few minutes on two idle cores. */
  public static PretrainSettings quick() {
    return defaults().withSteps(300).withWarmupSteps(30).withBatchSize(32);
  }

  public PretrainSettings withSteps(int newSteps) {
    return new PretrainSettings(
        architecture,
        vocabularySize,
        newSteps,
        batchSize,
        seed,
        learningRate,
        Math.min(warmupSteps, newSteps),
        weightDecay,
        maxGradientNorm,
        heldOutFraction,
        minCropScale,
        groupSize);
  }

  public PretrainSettings withWarmupSteps(int newWarmupSteps) {
    return new PretrainSettings(
        architecture,
        vocabularySize,
        steps,
        batchSize,
        seed,
        learningRate,
        newWarmupSteps,
        weightDecay,
        maxGradientNorm,
        heldOutFraction,
        minCropScale,
        groupSize);
  }

  public PretrainSettings withBatchSize(int newBatchSize) {
    return new PretrainSettings(
        architecture,
        vocabularySize,
        steps,
        newBatchSize,
        seed,
        learningRate,
        warmupSteps,
        weightDecay,
        maxGradientNorm,
        heldOutFraction,
        minCropScale,
        groupSize);
  }

  public PretrainSettings withSeed(long newSeed) {
    return new PretrainSettings(
        architecture,
        vocabularySize,
        steps,
        batchSize,
        newSeed,
        learningRate,
        warmupSteps,
        weightDecay,
        maxGradientNorm,
        heldOutFraction,
        minCropScale,
        groupSize);
  }

  public PretrainSettings withVocabularySize(int newVocabularySize) {
    return new PretrainSettings(
        architecture,
        newVocabularySize,
        steps,
        batchSize,
        seed,
        learningRate,
        warmupSteps,
        weightDecay,
        maxGradientNorm,
        heldOutFraction,
        minCropScale,
        groupSize);
  }

  public PretrainSettings withArchitecture(TinyClipArchitecture newArchitecture) {
    return new PretrainSettings(
        newArchitecture,
        vocabularySize,
        steps,
        batchSize,
        seed,
        learningRate,
        warmupSteps,
        weightDecay,
        maxGradientNorm,
        heldOutFraction,
        minCropScale,
        groupSize);
  }

  public PretrainSettings withHeldOutFraction(double newHeldOutFraction) {
    return new PretrainSettings(
        architecture,
        vocabularySize,
        steps,
        batchSize,
        seed,
        learningRate,
        warmupSteps,
        weightDecay,
        maxGradientNorm,
        newHeldOutFraction,
        minCropScale,
        groupSize);
  }

  public PretrainSettings withGroupSize(int newGroupSize) {
    return new PretrainSettings(
        architecture,
        vocabularySize,
        steps,
        batchSize,
        seed,
        learningRate,
        warmupSteps,
        weightDecay,
        maxGradientNorm,
        heldOutFraction,
        minCropScale,
        newGroupSize);
  }

  public PretrainSettings withLearningRate(double newLearningRate) {
    return new PretrainSettings(
        architecture,
        vocabularySize,
        steps,
        batchSize,
        seed,
        newLearningRate,
        warmupSteps,
        weightDecay,
        maxGradientNorm,
        heldOutFraction,
        minCropScale,
        groupSize);
  }
}
