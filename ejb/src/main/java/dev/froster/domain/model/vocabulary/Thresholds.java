package dev.froster.domain.model.vocabulary;

/**
 * When an automatic tag is kept: a top confidence at or above {@code accept} is accepted, one at or
 * above {@code review} (and below accept) goes to the review queue, anything lower is dropped.
 * Always {@code 0 <= review <= accept <= 1}.
 */
public record Thresholds(double accept, double review) {

  /**
   * @throws InvalidVocabularyException naming {@code acceptThreshold} or {@code reviewThreshold}
   */
  public Thresholds {
    requireUnit("acceptThreshold", accept);
    requireUnit("reviewThreshold", review);
    if (review > accept) {
      throw new InvalidVocabularyException(
          "reviewThreshold (" + review + ") must not be above acceptThreshold (" + accept + ")");
    }
  }

  /** Reads boxed values, naming the one that is missing. */
  public static Thresholds of(Double accept, Double review) {
    if (accept == null) {
      throw new InvalidVocabularyException("acceptThreshold is required (a number from 0 to 1)");
    }
    if (review == null) {
      throw new InvalidVocabularyException("reviewThreshold is required (a number from 0 to 1)");
    }
    return new Thresholds(accept, review);
  }

  private static void requireUnit(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new InvalidVocabularyException(field + " must be a number from 0 to 1, was " + value);
    }
  }
}
