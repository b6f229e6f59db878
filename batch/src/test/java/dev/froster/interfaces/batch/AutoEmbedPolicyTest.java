package dev.froster.interfaces.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.froster.interfaces.batch.AutoEmbedPolicy.Action;
import jakarta.batch.runtime.BatchStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AutoEmbedPolicyTest {
  private static final AutoEmbedPolicy POLICY = new AutoEmbedPolicy(Duration.ofMinutes(10));
  private static final Instant NOW = Instant.parse("2026-11-29T22:00:00Z");

  @Test
  void aJobThatNeverRanOrFinishedIsStartedAnew() {
    assertEquals(Action.START_NEW, POLICY.decide(null, null, NOW));
    assertEquals(Action.START_NEW, POLICY.decide(BatchStatus.COMPLETED, NOW, NOW));
    assertEquals(Action.START_NEW, POLICY.decide(BatchStatus.ABANDONED, NOW, NOW));
  }

  @Test
  void aFailedExecutionIsRestartedOnlyOnceTheRetryIntervalHasPassed() {
    Instant ended = NOW.minus(Duration.ofMinutes(9));
    assertEquals(Action.WAIT, POLICY.decide(BatchStatus.FAILED, ended, NOW));
    assertEquals(
        Action.RESTART_LATEST,
        POLICY.decide(BatchStatus.FAILED, ended, NOW.plus(Duration.ofMinutes(1))));
    // a server killed mid-job leaves no end time: restart at once
    assertEquals(Action.RESTART_LATEST, POLICY.decide(BatchStatus.FAILED, null, NOW));
  }

  @Test
  void runningOrAdminStoppedExecutionsAreLeftAlone() {
    for (BatchStatus status :
        new BatchStatus[] {
          BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING, BatchStatus.STOPPED
        }) {
      assertEquals(Action.WAIT, POLICY.decide(status, NOW.minus(Duration.ofDays(1)), NOW));
    }
  }

  @Test
  void aNegativeRetryIntervalIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new AutoEmbedPolicy(Duration.ofSeconds(-1)));
  }
}
