package dev.froster.domain.model.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {

  private static final String SHA = "a".repeat(64);
  private static final Instant NOW = Instant.parse("2026-11-30T03:00:00Z");
  private static final Retention THIRTY_DAYS = new Retention(Duration.ofDays(30));

  @Test
  void purgesVersionsRetiredLongerThanTheRetentionButNeverTheRollbackTarget() {
    ModelVersion previous = retired(1, NOW.minus(Duration.ofDays(90)));
    ModelVersion older = retired(2, NOW.minus(Duration.ofDays(100)));
    ModelVersion recent = retired(3, NOW.minus(Duration.ofDays(29)));
    // newest first: previous is the rollback target even though it is 90 days old
    List<ModelVersion> due = THIRTY_DAYS.due(List.of(previous, recent, older), NOW);
    assertEquals(List.of(older), due);
  }

  @Test
  void theBoundaryIsExclusiveAndPurgedVersionsAreNotPurgedAgain() {
    ModelVersion target = retired(1, NOW);
    ModelVersion exactly = retired(2, NOW.minus(Duration.ofDays(30)));
    ModelVersion purged = retired(3, NOW.minus(Duration.ofDays(60)));
    purged.markEmbeddingsPurged(NOW.minus(Duration.ofDays(20)));
    assertEquals(List.of(), THIRTY_DAYS.due(List.of(target, exactly, purged), NOW));
    assertEquals(
        List.of(exactly), THIRTY_DAYS.due(List.of(target, exactly, purged), NOW.plusMillis(1)));
  }

  @Test
  void aZeroRetentionStillKeepsTheRollbackTarget() {
    ModelVersion target = retired(1, NOW.minusSeconds(5));
    ModelVersion other = retired(2, NOW.minusSeconds(10));
    assertEquals(List.of(other), new Retention(Duration.ZERO).due(List.of(target, other), NOW));
  }

  @Test
  void anAdminMayPurgeAnyRetiredVersionButTheRollbackTargetTheActiveOneOrAPurgedOne() {
    ModelVersion target = retired(1, NOW.minusSeconds(5));
    ModelVersion other = retired(2, NOW.minusSeconds(10));
    List<ModelVersion> retired = List.of(target, other);
    assertTrue(Retention.refusal(other, retired).isEmpty());
    assertTrue(
        Retention.refusal(target, retired).orElseThrow().contains("rollback target"),
        Retention.refusal(target, retired).toString());
    ModelVersion active = version(3);
    active.activate(NOW);
    assertTrue(Retention.refusal(active, retired).orElseThrow().contains("is active"));
    other.markEmbeddingsPurged(NOW);
    assertTrue(Retention.refusal(other, retired).orElseThrow().contains("purged already"));
  }

  @Test
  void aNegativeRetentionIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Retention(Duration.ofDays(-1)));
  }

  private static ModelVersion retired(long id, Instant at) {
    ModelVersion version = version(id);
    version.activate(at.minusSeconds(60));
    version.retire(at);
    return version;
  }

  private static ModelVersion version(long id) {
    ModelVersion version = ModelVersion.candidate("v" + id, "/models/v" + id, SHA, 8);
    try {
      Field field = ModelVersion.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(version, id);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return version;
  }
}
