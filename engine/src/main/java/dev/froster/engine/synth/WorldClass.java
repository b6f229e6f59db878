package dev.froster.engine.synth;

import java.util.Random;

/** A class of a synthetic world as the generator renders it: its label and what its videos show. */
public sealed interface WorldClass permits PlannedClass, ColourClass {

  int id();

  ClassSplit split();

  /** The class name, e.g. "circle moving left". */
  String name();

  /** One sentence that says what happens, e.g. "a round shape slides ... to the left.". */
  String description();

  /** What one video of the class shows; what the class leaves open is drawn from {@code random}. */
  Subject draw(Random random);

  default ActionClass toActionClass() {
    return new ActionClass(id(), name(), description(), split());
  }
}
