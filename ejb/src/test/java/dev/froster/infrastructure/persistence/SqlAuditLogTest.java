package dev.froster.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the audit log refuses before it writes anything (the insert itself is covered by ITs). */
class SqlAuditLogTest {

  private final SqlAuditLog log = new SqlAuditLog();

  @Test
  void refusesAStateThatIsNotJson() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> log.record("admin", "vocabulary.create", "vocabulary", "1", null, "{\"name\":"));
    assertTrue(refused.getMessage().contains("after state is not JSON"), refused.getMessage());
  }

  @Test
  void acceptsJsonStatesAndGoesOnToWrite() {
    // Without a persistence context the write itself fails: the states passed the check.
    assertThrows(
        NullPointerException.class,
        () -> log.record("admin", "tag.accept", "tag", "7", "{\"status\":\"pending\"}", null));
  }

  @Test
  void refusesABlankActor() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> log.record(" ", "tag.accept", "tag", "7", "{}", "{}"));
    assertTrue(refused.getMessage().contains("actor"), refused.getMessage());
  }
}
