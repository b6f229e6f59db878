package dev.froster.application;

import dev.froster.domain.model.review.Decision;

/** A reviewer's decision as asked for: {@code termId} only (and always) for a relabel. */
public record ReviewRequest(Decision decision, Long termId, String comment) {

  /** The longest comment kept. */
  public static final int MAX_COMMENT_LENGTH = 2000;

  public ReviewRequest {
    if (decision == null) {
      throw new IllegalArgumentException("decision is required");
    }
    if (decision == Decision.RELABEL && termId == null) {
      throw new IllegalArgumentException("termId is required for a relabel");
    }
    if (decision != Decision.RELABEL && termId != null) {
      throw new IllegalArgumentException(
          "termId is only for a relabel, not for " + decision.word());
    }
    if (termId != null && termId <= 0) {
      throw new IllegalArgumentException("termId must be a positive id, was " + termId);
    }
    if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
      throw new IllegalArgumentException(
          "comment is longer than "
              + MAX_COMMENT_LENGTH
              + " characters ("
              + comment.length()
              + ")");
    }
  }
}
