package dev.froster.domain.model.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

  @Test
  void boundsAndEqualValuesAreAllowed() {
    assertEquals(0, new Thresholds(0, 0).review());
    assertEquals(1, new Thresholds(1, 1).accept());
    assertEquals(0.5, new Thresholds(0.5, 0.5).review());
  }

  @Test
  void outOfRangeValuesNameTheirField() {
    assertTrue(message(1.01, 0.5).startsWith("acceptThreshold"));
    assertTrue(message(-0.1, 0).startsWith("acceptThreshold"));
    assertTrue(message(Double.NaN, 0).startsWith("acceptThreshold"));
    assertTrue(message(0.9, -0.2).startsWith("reviewThreshold"));
    assertTrue(message(0.9, 1.5).startsWith("reviewThreshold"));
    assertTrue(message(0.3, 0.6).contains("must not be above acceptThreshold"));
  }

  @Test
  void missingValuesNameTheirField() {
    assertTrue(
        assertThrows(InvalidVocabularyException.class, () -> Thresholds.of(null, 0.2))
            .getMessage()
            .startsWith("acceptThreshold is required"));
    assertTrue(
        assertThrows(InvalidVocabularyException.class, () -> Thresholds.of(0.2, null))
            .getMessage()
            .startsWith("reviewThreshold is required"));
  }

  private static String message(double accept, double review) {
    return assertThrows(InvalidVocabularyException.class, () -> new Thresholds(accept, review))
        .getMessage();
  }
}
