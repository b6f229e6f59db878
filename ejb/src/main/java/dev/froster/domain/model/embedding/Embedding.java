package dev.froster.domain.model.embedding;

import java.util.Arrays;

/**
 * A vector in a model's joint image-text space. Always finite and non-zero, so its cosine distance
 * to any other embedding of the same dimension is defined.
 */
public final class Embedding {

  /** pgvector stores at most 16,000 dimensions in a {@code vector} column. */
  public static final int MAX_DIMENSIONS = 16_000;

  private final float[] values;

  private Embedding(float[] values) {
    this.values = values;
  }

  /**
   * Validates and copies the values.
   *
   * @throws InvalidEmbeddingException naming the first offending element
   */
  public static Embedding of(float... values) {
    if (values == null || values.length == 0) {
      throw new InvalidEmbeddingException("vector is empty");
    }
    if (values.length > MAX_DIMENSIONS) {
      throw new InvalidEmbeddingException(
          "vector has "
              + values.length
              + " dimensions, at most "
              + MAX_DIMENSIONS
              + " are allowed");
    }
    boolean allZero = true;
    for (int i = 0; i < values.length; i++) {
      if (!Float.isFinite(values[i])) {
        throw new InvalidEmbeddingException(
            "vector[" + i + "] is " + values[i] + ", every element must be a finite number");
      }
      allZero &= values[i] == 0f;
    }
    if (allZero) {
      throw new InvalidEmbeddingException("vector is all zeros, its cosine distance is undefined");
    }
    return new Embedding(values.clone());
  }

  /**
   * Converts JSON numbers (doubles) to single precision, rejecting values that overflow a float.
   */
  public static Embedding of(double[] values) {
    if (values == null) {
      throw new InvalidEmbeddingException("vector is empty");
    }
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
      if (Double.isFinite(values[i]) && !Float.isFinite(floats[i])) {
        throw new InvalidEmbeddingException(
            "vector[" + i + "] is " + values[i] + ", outside the range of a 32-bit float");
      }
    }
    return of(floats);
  }

  public int dimensions() {
    return values.length;
  }

  public float[] toArray() {
    return values.clone();
  }

  /** Cosine distance in [0, 2], the same measure as pgvector's {@code <=>}. */
  public double cosineDistance(Embedding other) {
    if (other.values.length != values.length) {
      throw new InvalidEmbeddingException(
          "cannot compare " + values.length + " with " + other.values.length + " dimensions");
    }
    double dot = 0;
    double normA = 0;
    double normB = 0;
    for (int i = 0; i < values.length; i++) {
      dot += (double) values[i] * other.values[i];
      normA += (double) values[i] * values[i];
      normB += (double) other.values[i] * other.values[i];
    }
    return 1 - dot / Math.sqrt(normA * normB);
  }

  /** The text form pgvector parses, e.g. {@code [0.5,-1.0,2.0]}. */
  public String toPgVectorLiteral() {
    StringBuilder text = new StringBuilder(values.length * 10).append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      text.append(values[i]);
    }
    return text.append(']').toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Embedding that && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Embedding[" + values.length + " dimensions]";
  }
}
