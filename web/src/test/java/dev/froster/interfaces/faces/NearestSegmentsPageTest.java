package dev.froster.interfaces.faces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NearestSegmentsPageTest {

  @Test
  void readsCommaSeparatedNumbersWithOrWithoutBrackets() {
    assertArrayEquals(
        new float[] {0.1f, -2f, 3f}, NearestSegmentsPage.parse(" [0.1, -2 ,3] ").toArray());
    assertArrayEquals(new float[] {1f, 2f}, NearestSegmentsPage.parse("1,2").toArray());
  }

  @Test
  void namesTheElementThatIsNotANumber() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> NearestSegmentsPage.parse("1, x"));
    assertTrue(error.getMessage().startsWith("vector[1]"), error.getMessage());
  }

  @Test
  void rejectsAnEmptyVector() {
    assertThrows(IllegalArgumentException.class, () -> NearestSegmentsPage.parse("  "));
  }
}
