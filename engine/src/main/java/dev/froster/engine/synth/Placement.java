package dev.froster.engine.synth;

import java.util.Random;

/**
 * The per-clip randomness of a motion: where it happens, how far it goes, the object's resting
 * angle, and the sense of motions whose name leaves it open (circling).
 *
 * @param centreX centre of the motion, fraction of the frame width
 * @param centreY centre of the motion, fraction of the frame height
 * @param amplitude multiplier of the travel distance, turn and size change (about 1)
 * @param restingAngle the object's angle when it does not rotate, radians
 * @param clockwise sense of circling
 */
public record Placement(
    double centreX, double centreY, double amplitude, double restingAngle, boolean clockwise) {

  /** A placement that keeps every motion of the world inside the frame. */
  public static Placement random(Random random) {
    return new Placement(
        0.45 + 0.1 * random.nextDouble(),
        0.45 + 0.1 * random.nextDouble(),
        0.85 + 0.25 * random.nextDouble(),
        (random.nextDouble() - 0.5) * Math.PI / 3,
        random.nextBoolean());
  }
}
