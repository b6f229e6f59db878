package dev.froster.domain.model.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TrainingScheduleTest {

  private static final Instant NOW = Instant.parse("2026-11-30T02:30:10Z");
  private static final CronSchedule HOURLY = CronSchedule.parse("0 0 * * * ?", ZoneOffset.UTC, NOW);

  @Test
  void anEnabledScheduleIsDueAtItsNextFireTimeAndMovesOnWhenFired() {
    TrainingSchedule schedule = new TrainingSchedule("nightly", HOURLY, true, "admin", NOW);
    Instant first = Instant.parse("2026-11-30T03:00:00Z");
    assertEquals(first, schedule.nextFireAt());
    assertFalse(schedule.dueAt(first.minusSeconds(1)));
    assertTrue(schedule.dueAt(first));
    // fired late (the server was down for two hours): the missed times are not fired again
    Instant late = Instant.parse("2026-11-30T05:20:00Z");
    schedule.fired(HOURLY, late);
    assertEquals(Instant.parse("2026-11-30T06:00:00Z"), schedule.nextFireAt());
    assertFalse(schedule.dueAt(late));
  }

  @Test
  void aDisabledScheduleHasNoNextFireTime() {
    TrainingSchedule schedule = new TrainingSchedule("off", HOURLY, false, "admin", NOW);
    assertNull(schedule.nextFireAt());
    assertFalse(schedule.dueAt(NOW.plusSeconds(86_400)));
    schedule.change("on", HOURLY, true, NOW);
    assertEquals(Instant.parse("2026-11-30T03:00:00Z"), schedule.nextFireAt());
  }

  @Test
  void aBlankNameIsRefusedNamingTheField() {
    InvalidScheduleException refused =
        assertThrows(
            InvalidScheduleException.class,
            () -> new TrainingSchedule(" ", HOURLY, true, "admin", NOW));
    assertTrue(refused.getMessage().startsWith("name: "), refused.getMessage());
  }

  @Test
  void theTriggerNamesTheSchedule() {
    assertEquals("schedule:7", new TrainingScheduleId(7).trigger());
  }
}
