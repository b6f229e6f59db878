package dev.froster.domain.model.vocabulary;

import java.util.List;

/**
 * What automatic tagging makes of a segment for one vocabulary: the best term with its confidence,
 * whether the tag is {@code accepted} at once or {@code pending} review, and the runner-up terms
 * (at most {@link TagRouting#MAX_ALTERNATIVES}, best first) a reviewer may pick instead.
 */
public record TagDecision(ScoredTerm best, Status status, List<ScoredTerm> alternatives) {

  /** The tag's status, as the {@code tag.status} column spells it. */
  public enum Status {
    ACCEPTED("accepted"),
    PENDING("pending");

    private final String column;

    Status(String column) {
      this.column = column;
    }

    public String column() {
      return column;
    }
  }
}
