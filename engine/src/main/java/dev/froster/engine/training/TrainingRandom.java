package dev.froster.engine.training;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * Random numbers that are a pure function of (seed, epoch, step, purpose): a resumed run draws the
 * very numbers the uninterrupted run drew, with no generator state to checkpoint.
 */
public final class TrainingRandom {

  private TrainingRandom() {}

  /**
   * The generator for {@code purpose} at ({@code epoch}, {@code step}) of a run seeded {@code
   * seed}.
   */
  public static Random at(long seed, long epoch, long step, String purpose) {
    long mixed = new SplittableRandom(seed).split().nextLong();
    mixed = new SplittableRandom(mixed ^ (epoch * 0x9E3779B97F4A7C15L)).nextLong();
    mixed = new SplittableRandom(mixed ^ (step * 0xC2B2AE3D27D4EB4FL)).nextLong();
    mixed = new SplittableRandom(mixed ^ purpose.hashCode()).nextLong();
    return new Random(mixed);
  }
}
