package dev.froster.domain.model.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddingTest {

  @Test
  void keepsItsValuesAndDimension() {
    Embedding embedding = Embedding.of(0.5f, -1f, 2f);
    assertEquals(3, embedding.dimensions());
    assertArrayEquals(new float[] {0.5f, -1f, 2f}, embedding.toArray());
  }

  @Test
  void isNotChangedThroughTheArrayItWasMadeFrom() {
    float[] values = {1f, 2f};
    Embedding embedding = Embedding.of(values);
    values[0] = 9f;
    embedding.toArray()[1] = 9f;
    assertArrayEquals(new float[] {1f, 2f}, embedding.toArray());
  }

  @Test
  void rejectsNotANumberNamingTheElement() {
    InvalidEmbeddingException error =
        assertThrows(InvalidEmbeddingException.class, () -> Embedding.of(1f, Float.NaN, 3f));
    assertTrue(error.getMessage().contains("vector[1]"), error.getMessage());
  }

  @Test
  void rejectsInfinity() {
    assertThrows(InvalidEmbeddingException.class, () -> Embedding.of(Float.NEGATIVE_INFINITY, 1f));
    assertThrows(
        InvalidEmbeddingException.class,
        () -> Embedding.of(new double[] {1, Double.POSITIVE_INFINITY}));
  }

  @Test
  void rejectsDoublesThatOverflowAFloat() {
    InvalidEmbeddingException error =
        assertThrows(InvalidEmbeddingException.class, () -> Embedding.of(new double[] {1, 1e39}));
    assertTrue(error.getMessage().contains("32-bit float"), error.getMessage());
  }

  @Test
  void rejectsEmptyAndAllZeroVectors() {
    assertThrows(InvalidEmbeddingException.class, () -> Embedding.of(new float[0]));
    assertThrows(InvalidEmbeddingException.class, () -> Embedding.of((float[]) null));
    assertThrows(InvalidEmbeddingException.class, () -> Embedding.of(0f, 0f, 0f));
  }

  @Test
  void rejectsMoreDimensionsThanPgvectorStores() {
    float[] tooMany = new float[Embedding.MAX_DIMENSIONS + 1];
    tooMany[0] = 1f;
    assertThrows(InvalidEmbeddingException.class, () -> Embedding.of(tooMany));
  }

  @Test
  void measuresCosineDistanceLikePgvector() {
    Embedding east = Embedding.of(1f, 0f);
    assertEquals(0.0, east.cosineDistance(Embedding.of(3f, 0f)), 1e-9);
    assertEquals(1.0, east.cosineDistance(Embedding.of(0f, 2f)), 1e-9);
    assertEquals(2.0, east.cosineDistance(Embedding.of(-1f, 0f)), 1e-9);
  }

  @Test
  void refusesToCompareDifferentDimensions() {
    assertThrows(
        InvalidEmbeddingException.class,
        () -> Embedding.of(1f, 0f).cosineDistance(Embedding.of(1f, 0f, 0f)));
  }

  @Test
  void writesThePgvectorTextForm() {
    assertEquals("[0.5,-1.0,2.0]", Embedding.of(0.5f, -1f, 2f).toPgVectorLiteral());
  }

  @Test
  void isEqualByValue() {
    assertEquals(Embedding.of(1f, 2f), Embedding.of(1f, 2f));
    assertEquals(Embedding.of(1f, 2f).hashCode(), Embedding.of(1f, 2f).hashCode());
    assertNotEquals(Embedding.of(1f, 2f), Embedding.of(2f, 1f));
  }
}
