package dev.froster.engine.synth;

import java.util.Random;

/** A class of the synthetic world: a shape doing a motion, in any colour, with its split. */
public record PlannedClass(int id, ShapeKind shape, Motion motion, ClassSplit split)
    implements WorldClass {

  /** E.g. "circle moving left". */
  @Override
  public String name() {
    return shape.word() + " " + motion.phrase();
  }

  /** E.g. "a round shape slides from the right of the frame to the left." */
  @Override
  public String description() {
    return shape.description() + " " + motion.description() + ".";
  }

  /** This shape and motion in a random colour. */
  @Override
  public Subject draw(Random random) {
    ObjectColour[] colours = ObjectColour.values();
    return new Subject(shape, colours[random.nextInt(colours.length)], motion);
  }
}
