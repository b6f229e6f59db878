package dev.froster.engine.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which shape × motion pairs are classes, and their split (the rule is in the package description).
 * With shapes numbered s and video motions numbered a in {@link Motion} order: base iff (s + a) mod
 * 3 = 0, novel iff (s + a) mod 3 = 1; caption-only motion j (bouncing 0, circling 1) is novel iff
 * (s + j) mod 3 = 0. Base classes get the first ids. With {@link NovelClasses#COLOUR} the novel
 * classes are one per colour instead, each showing all of those novel pairs.
 */
public final class ClassCatalogue {
  private ClassCatalogue() {}

  /** The classes of a world with these shapes and this kind of novel classes. */
  public static List<WorldClass> plan(List<ShapeKind> shapes, NovelClasses novelClasses) {
    List<PlannedClass> shapeMotion = plan(shapes);
    if (novelClasses == NovelClasses.SHAPE_MOTION) {
      return List.copyOf(shapeMotion);
    }
    List<WorldClass> classes = new ArrayList<>();
    shapeMotion.stream().filter(c -> c.split() == ClassSplit.BASE).forEach(classes::add);
    List<PlannedClass> novelPairs =
        shapeMotion.stream().filter(c -> c.split() == ClassSplit.NOVEL).toList();
    for (ObjectColour colour : ObjectColour.values()) {
      classes.add(new ColourClass(classes.size(), colour, novelPairs));
    }
    return classes;
  }

  /**
   * The shape × motion classes for these shapes (at least three, so every motion occurs in a base
   * class).
   */
  public static List<PlannedClass> plan(List<ShapeKind> shapes) {
    if (shapes.size() < 3) {
      throw new IllegalArgumentException(
          "need at least 3 shapes so that every motion has a base class, got " + shapes);
    }
    List<Motion> videoMotions =
        List.of(Motion.values()).stream().filter(Motion::inBaseVideos).toList();
    List<Motion> captionOnly =
        List.of(Motion.values()).stream().filter(m -> !m.inBaseVideos()).toList();
    List<PlannedClass> unnumbered = new ArrayList<>();
    for (int s = 0; s < shapes.size(); s++) {
      for (int a = 0; a < videoMotions.size(); a++) {
        int residue = (s + a) % 3;
        if (residue == 0) {
          unnumbered.add(new PlannedClass(-1, shapes.get(s), videoMotions.get(a), ClassSplit.BASE));
        } else if (residue == 1) {
          unnumbered.add(
              new PlannedClass(-1, shapes.get(s), videoMotions.get(a), ClassSplit.NOVEL));
        }
      }
      for (int j = 0; j < captionOnly.size(); j++) {
        if ((s + j) % 3 == 0) {
          unnumbered.add(new PlannedClass(-1, shapes.get(s), captionOnly.get(j), ClassSplit.NOVEL));
        }
      }
    }
    unnumbered.sort(Comparator.comparing(PlannedClass::split));
    List<PlannedClass> classes = new ArrayList<>();
    for (PlannedClass c : unnumbered) {
      classes.add(new PlannedClass(classes.size(), c.shape(), c.motion(), c.split()));
    }
    return classes;
  }
}
