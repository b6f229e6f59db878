package dev.froster.engine.synth;

/** A class of the synthetic world: a shape doing a motion, with its split. */
public record PlannedClass(int id, ShapeKind shape, Motion motion, ClassSplit split) {

  /** E.g. "circle moving left". */
  public String name() {
    return shape.word() + " " + motion.phrase();
  }

  /** E.g. "a round shape slides from the right of the frame to the left." */
  public String description() {
    return shape.description() + " " + motion.description() + ".";
  }

  public ActionClass toActionClass() {
    return new ActionClass(id, name(), description(), split);
  }
}
