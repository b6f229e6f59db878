package dev.froster.engine.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.froster.engine.froster.FrosterSettings;
import dev.froster.engine.froster.Method;
import org.junit.jupiter.api.Test;

class RecipesTest {

  @Test
  void theSyntheticRecipeNeverMirrorsClipsWhoseLabelsAreDirections() {
    // a mirrored "moving left" clip shows a shape moving right under the label "moving left"
    for (Method method : Method.values()) {
      for (int epochs : new int[] {1, 12}) {
        FrosterSettings settings = Recipes.synthetic(method, epochs).build();
        assertFalse(settings.horizontalFlip(), method + ", " + epochs + " epochs: flips clips");
      }
    }
  }
}
