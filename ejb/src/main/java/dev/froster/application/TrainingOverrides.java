package dev.froster.application;

/**
 * Settings a caller may choose for one training run instead of the configured defaults ({@code
 * froster.training.*}); null keeps the default. They are recorded with the run and kept across its
 * restarts.
 */
public record TrainingOverrides(
    Integer epochs,
    Integer batchSize,
    Integer checkpointEverySteps,
    Double learningRate,
    Double novelMargin,
    Double hmTolerance) {

  public static TrainingOverrides none() {
    return new TrainingOverrides(null, null, null, null, null, null);
  }
}
