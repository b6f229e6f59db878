package dev.froster.domain.model.vocabulary;

/** Identifies a vocabulary. */
public record VocabularyId(long value) {

  public VocabularyId {
    if (value <= 0) {
      throw new IllegalArgumentException("vocabulary id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return "vocabulary " + value;
  }
}
