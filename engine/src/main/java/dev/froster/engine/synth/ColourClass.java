package dev.froster.engine.synth;

import java.util.List;
import java.util.Random;

/**
 * A novel class defined by the object's colour ({@link NovelClasses#COLOUR}): its videos show the
 * {@code shown} shape-motion pairs, drawn uniformly, all in {@code colour}.
 */
public record ColourClass(int id, ObjectColour colour, List<PlannedClass> shown)
    implements WorldClass {

  public ColourClass {
    shown = List.copyOf(shown);
    if (shown.isEmpty()) {
      throw new IllegalArgumentException("a colour class needs shape-motion pairs to show");
    }
  }

  @Override
  public ClassSplit split() {
    return ClassSplit.NOVEL;
  }

  /** E.g. "red shape moving". */
  @Override
  public String name() {
    return colour.word() + " shape moving";
  }

  /** E.g. "a red shape moves across the frame or changes.". */
  @Override
  public String description() {
    return "a " + colour.word() + " shape moves across the frame or changes.";
  }

  @Override
  public Subject draw(Random random) {
    PlannedClass pair = shown.get(random.nextInt(shown.size()));
    return new Subject(pair.shape(), colour, pair.motion());
  }
}
