package dev.froster.application.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermEmbeddingsTest {

  @Test
  void synonymsAreAveragedWithTheLabelAndRenormalised() {
    float[] label = {1, 0, 0};
    float[] synonym = {0, 1, 0};
    float h = (float) Math.sqrt(0.5);
    assertArrayEquals(
        new float[] {h, h, 0}, TermEmbeddings.meanOfUnitVectors(List.of(label, synonym)), 1e-6f);
  }

  @Test
  void aTermWithoutSynonymsKeepsItsClassEmbedding() {
    float[] label = {0.6f, 0.8f};
    assertArrayEquals(label, TermEmbeddings.meanOfUnitVectors(List.of(label)), 1e-6f);
  }
}
