package dev.froster.domain.model.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddingCoverageTest {

  @Test
  void everySegmentEveryTermAndTheIndexMakeItComplete() {
    EmbeddingCoverage coverage = new EmbeddingCoverage(12, 0, 0, true);
    assertTrue(coverage.complete());
    assertEquals("complete (12 segments)", coverage.describe());
  }

  @Test
  void anEmptyCatalogueIsCompleteOnceTheIndexExists() {
    assertTrue(new EmbeddingCoverage(0, 0, 0, true).complete());
    assertFalse(new EmbeddingCoverage(0, 0, 0, false).complete());
  }

  @Test
  void oneMissingSegmentIsEnoughToRefuse() {
    EmbeddingCoverage coverage = new EmbeddingCoverage(12, 1, 0, true);
    assertFalse(coverage.complete());
    assertEquals("incomplete: missing 1 of 12 segments", coverage.describe());
  }

  @Test
  void missingTermsAndIndexAreNamed() {
    EmbeddingCoverage coverage = new EmbeddingCoverage(12, 2, 3, false);
    assertFalse(coverage.complete());
    assertEquals(
        "incomplete: missing 2 of 12 segments, 3 term(s), the HNSW index", coverage.describe());
    assertFalse(new EmbeddingCoverage(5, 0, 1, true).complete());
  }

  @Test
  void countsMustBeConsistent() {
    assertThrows(IllegalArgumentException.class, () -> new EmbeddingCoverage(2, 3, 0, true));
    assertThrows(IllegalArgumentException.class, () -> new EmbeddingCoverage(2, -1, 0, true));
  }
}
