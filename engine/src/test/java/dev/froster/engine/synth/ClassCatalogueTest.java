package dev.froster.engine.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The two class plans: what their classes are and what their videos show. */
class ClassCatalogueTest {
  private static final List<ShapeKind> SHAPES =
      List.of(ShapeKind.CIRCLE, ShapeKind.SQUARE, ShapeKind.STAR);

  @Test
  void theColourPlanKeepsTheBaseClassesAndShowsTheNovelPairsInOneColourPerClass() {
    List<PlannedClass> shapeMotion = ClassCatalogue.plan(SHAPES);
    List<WorldClass> colour = ClassCatalogue.plan(SHAPES, NovelClasses.COLOUR);
    List<PlannedClass> base =
        shapeMotion.stream().filter(c -> c.split() == ClassSplit.BASE).toList();
    List<PlannedClass> novelPairs =
        shapeMotion.stream().filter(c -> c.split() == ClassSplit.NOVEL).toList();
    assertEquals(base, colour.subList(0, base.size()));
    List<WorldClass> novel = colour.subList(base.size(), colour.size());
    assertEquals(ObjectColour.values().length, novel.size());
    for (int i = 0; i < novel.size(); i++) {
      ColourClass c = (ColourClass) novel.get(i);
      assertEquals(base.size() + i, c.id());
      assertEquals(ClassSplit.NOVEL, c.split());
      assertEquals(ObjectColour.values()[i], c.colour());
      assertEquals(novelPairs, c.shown());
    }
    assertEquals("red shape moving", novel.get(0).name());
    assertEquals("a red shape moves across the frame or changes.", novel.get(0).description());
    assertEquals(
        IntStream.range(0, colour.size()).boxed().toList(),
        colour.stream().map(WorldClass::id).toList());
  }

  @Test
  void theShapeMotionPlanIsThePlainPlan() {
    assertEquals(
        List.copyOf(ClassCatalogue.plan(SHAPES)),
        ClassCatalogue.plan(SHAPES, NovelClasses.SHAPE_MOTION));
  }

  @Test
  void aColourClassDrawsEveryShownPairInItsOwnColour() {
    ColourClass blue =
        (ColourClass)
            ClassCatalogue.plan(SHAPES, NovelClasses.COLOUR).stream()
                .filter(c -> c.name().startsWith("blue "))
                .findFirst()
                .orElseThrow();
    Random random = new Random(3);
    Set<String> drawn = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      Subject subject = blue.draw(random);
      assertEquals(ObjectColour.BLUE, subject.colour());
      drawn.add(subject.shape() + " " + subject.motion());
    }
    Set<String> shown = new HashSet<>();
    blue.shown().forEach(p -> shown.add(p.shape() + " " + p.motion()));
    assertEquals(shown, drawn);
  }

  @Test
  void aShapeMotionClassDrawsItsShapeAndMotionInEveryColour() {
    PlannedClass first = ClassCatalogue.plan(SHAPES).get(0);
    Random random = new Random(5);
    Set<ObjectColour> colours = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      Subject subject = first.draw(random);
      assertEquals(first.shape(), subject.shape());
      assertEquals(first.motion(), subject.motion());
      colours.add(subject.colour());
    }
    assertEquals(Set.of(ObjectColour.values()), colours);
  }

  @Test
  void novelClassKindsAreNamedByTheirWords() {
    assertEquals(NovelClasses.COLOUR, NovelClasses.parse("colour"));
    assertEquals(NovelClasses.SHAPE_MOTION, NovelClasses.parse("shape-motion"));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> NovelClasses.parse("shape"));
    assertTrue(unknown.getMessage().contains("'shape'"), unknown.getMessage());
  }
}
