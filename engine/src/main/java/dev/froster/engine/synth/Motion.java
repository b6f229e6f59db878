package dev.froster.engine.synth;

/**
 * What an object does over a clip. The first twelve are shown in videos; {@link #BOUNCING} and
 * {@link #CIRCLING} appear in videos only as novel classes, so their words are learned from
 * captioned still images alone.
 */
public enum Motion {
  MOVING_LEFT("moving left", "slides from the right of the frame to the left"),
  MOVING_RIGHT("moving right", "slides from the left of the frame to the right"),
  MOVING_UP("moving up", "rises from the bottom of the frame to the top"),
  MOVING_DOWN("moving down", "sinks from the top of the frame to the bottom"),
  ROTATING_CLOCKWISE("rotating clockwise", "turns on the spot in the direction of a clock's hands"),
  ROTATING_COUNTERCLOCKWISE(
      "rotating counterclockwise", "turns on the spot against the direction of a clock's hands"),
  GROWING("growing", "swells steadily to a larger size"),
  SHRINKING("shrinking", "contracts steadily to a smaller size"),
  GROWING_THEN_SHRINKING(
      "growing then shrinking", "swells to a larger size and then contracts again"),
  SHRINKING_THEN_GROWING(
      "shrinking then growing", "contracts to a smaller size and then swells again"),
  MOVING_LEFT_THEN_UP("moving left then up", "slides to the left and then rises towards the top"),
  MOVING_UP_THEN_LEFT("moving up then left", "rises towards the top and then slides to the left"),
  BOUNCING("bouncing", "drops and springs back up from the ground again and again"),
  CIRCLING("circling", "travels around a circular path back to where it started");

  /** Distance travelled by a straight move, in frame widths, at amplitude 1. */
  private static final double TRAVEL = 0.42;

  /** Turns of a rotation over a clip, at amplitude 1. */
  private static final double TURNS = 0.75;

  private static final double SMALLEST_SCALE = 0.55;
  private static final double LARGEST_SCALE = 1.45;

  private final String phrase;
  private final String description;

  Motion(String phrase, String description) {
    this.phrase = phrase;
    this.description = description;
  }

  /** The words in class names and captions, e.g. "rotating clockwise". */
  public String phrase() {
    return phrase;
  }

  /** A verb phrase that completes "a round shape ...", e.g. "slides ... to the left". */
  public String description() {
    return description;
  }

  /** Whether base classes may use this motion; the others are known from captions only. */
  public boolean inBaseVideos() {
    return this != BOUNCING && this != CIRCLING;
  }

  /** Whether the object's size changes, so past states are drawn as outlines in stills. */
  public boolean changesSize() {
    return switch (this) {
      case GROWING, SHRINKING, GROWING_THEN_SHRINKING, SHRINKING_THEN_GROWING -> true;
      default -> false;
    };
  }

  /** Whether the object turns on the spot. */
  public boolean rotates() {
    return this == ROTATING_CLOCKWISE || this == ROTATING_COUNTERCLOCKWISE;
  }

  /** The object's state at clip time {@code t} in [0, 1]. */
  public ObjectState at(double t, Placement p) {
    double time = Math.max(0, Math.min(1, t));
    double d = TRAVEL * p.amplitude();
    double half = d / 2;
    double x = p.centreX();
    double y = p.centreY();
    double scale = 1;
    double angle = p.restingAngle();
    double firstHalf = Math.min(1, 2 * time);
    double secondHalf = Math.max(0, 2 * time - 1);
    double sizeSwing = (LARGEST_SCALE - SMALLEST_SCALE) * Math.min(1, p.amplitude());
    double tent = 1 - Math.abs(2 * time - 1);
    switch (this) {
      case MOVING_LEFT -> x += half - d * time;
      case MOVING_RIGHT -> x += -half + d * time;
      case MOVING_UP -> y += half - d * time;
      case MOVING_DOWN -> y += -half + d * time;
      case ROTATING_CLOCKWISE -> angle += 2 * Math.PI * TURNS * p.amplitude() * time;
      case ROTATING_COUNTERCLOCKWISE -> angle -= 2 * Math.PI * TURNS * p.amplitude() * time;
      case GROWING -> scale = SMALLEST_SCALE + sizeSwing * time;
      case SHRINKING -> scale = SMALLEST_SCALE + sizeSwing * (1 - time);
      case GROWING_THEN_SHRINKING -> scale = SMALLEST_SCALE + sizeSwing * tent;
      case SHRINKING_THEN_GROWING -> scale = SMALLEST_SCALE + sizeSwing * (1 - tent);
      case MOVING_LEFT_THEN_UP -> {
        x += half - d * firstHalf;
        y += half - d * secondHalf;
      }
      case MOVING_UP_THEN_LEFT -> {
        y += half - d * firstHalf;
        x += half - d * secondHalf;
      }
      case BOUNCING -> {
        x += -half / 2 + half * time;
        y += half - d * Math.abs(Math.sin(Math.PI * 2.5 * time));
      }
      case CIRCLING -> {
        double around = 2 * Math.PI * time * (p.clockwise() ? 1 : -1);
        x += half * Math.sin(around);
        y -= half * Math.cos(around);
      }
    }
    return new ObjectState(x, y, scale, angle);
  }
}
