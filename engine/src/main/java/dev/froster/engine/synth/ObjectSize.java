package dev.froster.engine.synth;

/** Object sizes, as the radius in a fraction of the frame side. */
public enum ObjectSize {
  SMALL("small", 0.25),
  LARGE("large", 0.35);

  private final String word;
  private final double radius;

  ObjectSize(String word, double radius) {
    this.word = word;
    this.radius = radius;
  }

  public String word() {
    return word;
  }

  /** Radius as a fraction of the frame side, at scale 1. */
  public double radius() {
    return radius;
  }
}
