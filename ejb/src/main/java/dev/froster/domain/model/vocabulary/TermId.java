package dev.froster.domain.model.vocabulary;

/** Identifies a term of a vocabulary. */
public record TermId(long value) {

  public TermId {
    if (value <= 0) {
      throw new IllegalArgumentException("term id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return "term " + value;
  }
}
