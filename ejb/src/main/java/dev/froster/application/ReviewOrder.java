package dev.froster.application;

import java.util.Locale;

/** The order of the review queue. */
public enum ReviewOrder {
  /** Oldest suggestion first (the default: nothing waits forever). */
  OLDEST,
  /** Most confident suggestion first (quick accepts), ties oldest first. */
  CONFIDENCE;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the parameter
   */
  public static ReviewOrder of(String word) {
    for (ReviewOrder order : values()) {
      if (order.word().equals(word)) {
        return order;
      }
    }
    throw new IllegalArgumentException("sort must be oldest or confidence, was '" + word + "'");
  }
}
