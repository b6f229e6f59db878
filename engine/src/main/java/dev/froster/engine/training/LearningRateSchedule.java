package dev.froster.engine.training;

/**
 * Linear warm-up then half-cosine decay, per optimiser step, as the reference implementation's
 * cosine policy with warm-up and {@code COSINE_AFTER_WARMUP}: the rate rises linearly from {@code
 * warmupStart} to {@code base} over the warm-up, then follows a half cosine from {@code base} down
 * to {@code end} over the remaining steps.
 *
 * @param base peak learning rate of the cosine (FROSTER: 3.33e-6)
 * @param warmupStart learning rate of the first step (3.33e-8)
 * @param end learning rate the cosine reaches at the last step (3.33e-8)
 * @param warmupSteps steps of linear warm-up (FROSTER: 2 epochs' worth)
 * @param totalSteps steps of the whole training
 */
public record LearningRateSchedule(
    double base, double warmupStart, double end, long warmupSteps, long totalSteps) {

  public LearningRateSchedule {
    if (totalSteps <= 0 || warmupSteps < 0 || warmupSteps > totalSteps) {
      throw new IllegalArgumentException(
          "need 0 <= warmupSteps <= totalSteps and totalSteps > 0, got "
              + warmupSteps
              + " and "
              + totalSteps);
    }
    if (!(base > 0) || warmupStart < 0 || end < 0) {
      throw new IllegalArgumentException(
          "learning rates must be positive: base " + base + ", warm-up start " + warmupStart);
    }
  }

  /** A schedule given in epochs of {@code stepsPerEpoch} steps. */
  public static LearningRateSchedule ofEpochs(
      double base,
      double warmupStart,
      double end,
      double warmupEpochs,
      int epochs,
      int stepsPerEpoch) {
    long total = (long) epochs * stepsPerEpoch;
    long warmup = Math.min(total, Math.round(warmupEpochs * stepsPerEpoch));
    return new LearningRateSchedule(base, warmupStart, end, warmup, total);
  }

  /** The learning rate of step {@code step} (0-based). */
  public double at(long step) {
    if (step < 0) {
      throw new IllegalArgumentException("step must not be negative: " + step);
    }
    if (step < warmupSteps) {
      return warmupStart + (base - warmupStart) * step / warmupSteps;
    }
    long decaySteps = totalSteps - warmupSteps;
    if (decaySteps == 0) {
      return end;
    }
    double progress = Math.min(1.0, (double) (step - warmupSteps) / decaySteps);
    return end + (base - end) * (Math.cos(Math.PI * progress) + 1) / 2;
  }
}
