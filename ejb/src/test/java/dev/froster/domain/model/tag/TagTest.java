package dev.froster.domain.model.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TagTest {

  private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
  private static final TermRef RUNNING = new TermRef(1, "running", 10, "actions");
  private static final TermRef JUMPING = new TermRef(2, "jumping", 10, "actions");
  private static final TermRef OUTDOOR = new TermRef(3, "outdoor", 20, "places");

  private static Tag pending() {
    return Tag.pendingOnSegment(7, RUNNING.id(), 1, 0.42f, NOW.minusSeconds(60));
  }

  @Test
  void acceptingAPendingTagAcceptsItAndKeepsItsTerm() {
    Tag tag = pending();
    tag.accept(NOW);
    assertEquals(TagStatus.ACCEPTED, tag.status());
    assertEquals(RUNNING.id(), tag.termId());
    assertEquals(NOW, tag.updatedAt());
  }

  @Test
  void rejectingAPendingTagRejectsIt() {
    Tag tag = pending();
    tag.reject(NOW);
    assertEquals(TagStatus.REJECTED, tag.status());
  }

  @Test
  void relabellingTakesTheNewTermAcceptsAndKeepsSourceAndConfidence() {
    Tag tag = pending();
    tag.relabel(RUNNING, JUMPING, NOW);
    assertEquals(JUMPING.id(), tag.termId());
    assertEquals(TagStatus.ACCEPTED, tag.status());
    assertEquals(TagSource.AUTO, tag.source());
    assertEquals(0.42f, tag.confidence());
  }

  @Test
  void relabellingToAnotherVocabularyIsRefusedAndChangesNothing() {
    Tag tag = pending();
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> tag.relabel(RUNNING, OUTDOOR, NOW));
    assertTrue(refused.getMessage().contains("'places'"), refused.getMessage());
    assertTrue(refused.getMessage().contains("'actions'"), refused.getMessage());
    assertEquals(TagStatus.PENDING, tag.status());
    assertEquals(RUNNING.id(), tag.termId());
  }

  @Test
  void relabellingToTheSameTermIsRefused() {
    Tag tag = pending();
    assertThrows(IllegalArgumentException.class, () -> tag.relabel(RUNNING, RUNNING, NOW));
    assertEquals(TagStatus.PENDING, tag.status());
  }

  @Test
  void relabellingWithTheWrongCurrentTermIsRefused() {
    Tag tag = pending();
    assertThrows(IllegalArgumentException.class, () -> tag.relabel(JUMPING, RUNNING, NOW));
  }

  @Test
  void aDecidedTagCannotBeDecidedAgain() {
    Tag accepted = pending();
    accepted.accept(NOW);
    IllegalStateException again =
        assertThrows(IllegalStateException.class, () -> accepted.reject(NOW));
    assertTrue(again.getMessage().contains("accepted, not pending"), again.getMessage());
    assertThrows(IllegalStateException.class, () -> accepted.accept(NOW));
    assertThrows(IllegalStateException.class, () -> accepted.relabel(RUNNING, JUMPING, NOW));
    assertEquals(TagStatus.ACCEPTED, accepted.status());

    Tag rejected = pending();
    rejected.reject(NOW);
    assertThrows(IllegalStateException.class, () -> rejected.accept(NOW));
    assertEquals(TagStatus.REJECTED, rejected.status());
  }
}
