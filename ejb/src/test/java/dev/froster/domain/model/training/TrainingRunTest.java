package dev.froster.domain.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrainingRunTest {

  private TrainingRun run() {
    return new TrainingRun("admin", null, null, "{}");
  }

  @Test
  void aStoppedRunRestartsAsANewExecutionAndKeepsItsStep() {
    TrainingRun run = run();
    run.runsAs(7, "/runs/run-1");
    run.progressed(3, 10);
    run.stopped(Instant.now());
    run.restarted(8);
    assertEquals(TrainingRunStatus.RUNNING, run.status());
    assertEquals(8L, run.jobExecutionId());
    assertEquals(3, run.step());
    assertNull(run.endedAt());
  }

  @Test
  void onlyStoppedOrFailedRunsRestartOrAreAbandoned() {
    TrainingRun running = run();
    assertThrows(IllegalStateException.class, () -> running.restarted(2));
    assertThrows(IllegalStateException.class, () -> running.abandoned(Instant.now()));
    TrainingRun failed = run();
    failed.failed("decoder gave up", Instant.now());
    failed.abandoned(Instant.now());
    assertEquals(TrainingRunStatus.ABANDONED, failed.status());
    assertThrows(IllegalStateException.class, () -> failed.restarted(3));
  }

  @Test
  void progressBeyondTheTotalIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> run().progressed(11, 10));
  }
}
