package dev.froster.domain.model.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  private static final Instant NOW = Instant.parse("2026-11-30T02:30:10Z"); // a Monday

  @Test
  void everyMinuteFiresAtTheNextWholeMinutes() {
    CronSchedule schedule = CronSchedule.parse("0 * * * * ?", ZoneOffset.UTC, NOW);
    assertEquals(
        List.of(
            Instant.parse("2026-11-30T02:31:00Z"),
            Instant.parse("2026-11-30T02:32:00Z"),
            Instant.parse("2026-11-30T02:33:00Z")),
        schedule.next(3, NOW));
  }

  @Test
  void sundaysAtTwoInTheScheduleTimeZone() {
    CronSchedule utc = CronSchedule.parse("0 0 2 ? * SUN", ZoneOffset.UTC, NOW);
    assertEquals(Instant.parse("2026-12-06T02:00:00Z"), utc.nextAfter(NOW).orElseThrow());
    CronSchedule paris = CronSchedule.parse("0 0 2 ? * SUN", ZoneId.of("Europe/Paris"), NOW);
    assertEquals(Instant.parse("2026-12-06T01:00:00Z"), paris.nextAfter(NOW).orElseThrow());
  }

  @Test
  void whitespaceIsNormalised() {
    assertEquals(
        "0 15 3 * * ?", CronSchedule.parse("  0  15 3 * *   ? ", ZoneOffset.UTC, NOW).expression());
  }

  @Test
  void invalidExpressionsNameTheCronField() {
    for (String invalid :
        List.of(
            "* * * * *", // Unix five fields: Quartz needs seconds
            "0 0 25 * * ?", // hour 25
            "0 0 2 * * MON", // both day fields restricted
            "every sunday",
            "0 61 * * * ?")) {
      InvalidScheduleException refused =
          assertThrows(
              InvalidScheduleException.class,
              () -> CronSchedule.parse(invalid, ZoneOffset.UTC, NOW),
              invalid);
      assertTrue(refused.getMessage().startsWith("cron: "), refused.getMessage());
    }
  }

  @Test
  void blankOrNeverFiringExpressionsAreRefused() {
    assertTrue(
        assertThrows(
                InvalidScheduleException.class, () -> CronSchedule.parse(" ", ZoneOffset.UTC, NOW))
            .getMessage()
            .startsWith("cron: "));
    InvalidScheduleException past =
        assertThrows(
            InvalidScheduleException.class,
            () -> CronSchedule.parse("0 0 2 1 1 ? 2020", ZoneOffset.UTC, NOW));
    assertTrue(past.getMessage().contains("never fires"), past.getMessage());
  }
}
