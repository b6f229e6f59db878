package dev.froster.application;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.domain.model.review.Decision;
import org.junit.jupiter.api.Test;

class ReviewRequestTest {

  @Test
  void aRelabelNeedsATermId() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> new ReviewRequest(Decision.RELABEL, null, null));
    assertTrue(refused.getMessage().startsWith("termId is required"), refused.getMessage());
  }

  @Test
  void acceptAndRejectTakeNoTermId() {
    assertThrows(
        IllegalArgumentException.class, () -> new ReviewRequest(Decision.ACCEPT, 3L, null));
    assertThrows(
        IllegalArgumentException.class, () -> new ReviewRequest(Decision.REJECT, 3L, null));
    new ReviewRequest(Decision.ACCEPT, null, "looks right");
  }

  @Test
  void termIdsArePositiveAndCommentsBounded() {
    assertThrows(
        IllegalArgumentException.class, () -> new ReviewRequest(Decision.RELABEL, 0L, null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ReviewRequest(
                Decision.ACCEPT, null, "x".repeat(ReviewRequest.MAX_COMMENT_LENGTH + 1)));
  }
}
