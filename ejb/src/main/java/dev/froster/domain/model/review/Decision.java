package dev.froster.domain.model.review;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a reviewer decided about a pending tag. */
public enum Decision {
  ACCEPT,
  REJECT,
  RELABEL;

  /** The lower-case word of the API and the schema. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the field and the allowed words
   */
  public static Decision of(String word) {
    for (Decision decision : values()) {
      if (decision.word().equals(word)) {
        return decision;
      }
    }
    throw new IllegalArgumentException(
        "decision must be one of "
            + Arrays.stream(values()).map(Decision::word).collect(Collectors.joining(", "))
            + (word == null ? " (it is missing)" : ", was '" + word + "'"));
  }
}
