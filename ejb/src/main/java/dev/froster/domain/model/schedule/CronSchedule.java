package dev.froster.domain.model.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A cron expression in Quartz's syntax (https://www.quartz-scheduler.org/documentation/, "Cron
 * Trigger Tutorial"): six or seven fields, {@code seconds minutes hours day-of-month month
 * day-of-week [year]}, where one of the two day fields is {@code ?}; e.g. {@code 0 0 2 ? * SUN}
 * (Sundays at 02:00) or {@code 0 * * * * ?} (every minute). Quartz's parser decides what is valid
 * and computes the fire times, in the schedule's time zone.
 */
public final class CronSchedule {

  private final String expression;
  private final ZoneId zone;

  private CronSchedule(String expression, ZoneId zone) {
    this.expression = expression;
    this.zone = zone;
  }

  /**
   * Parses the expression.
   *
   * @throws InvalidScheduleException naming the field {@code cron} when it is not a valid Quartz
   *     cron expression or never fires after {@code now}
   */
  public static CronSchedule parse(String expression, ZoneId zone, Instant now) {
    if (expression == null || expression.isBlank()) {
      throw new InvalidScheduleException("cron: a cron expression is required");
    }
    String trimmed = expression.trim().replaceAll("\\s+", " ");
    try {
      new CronExpression(trimmed);
    } catch (ParseException invalid) {
      throw new InvalidScheduleException(
          "cron: '" + trimmed + "' is not a valid cron expression: " + invalid.getMessage());
    }
    CronSchedule schedule = new CronSchedule(trimmed, zone);
    if (schedule.nextAfter(now).isEmpty()) {
      throw new InvalidScheduleException("cron: '" + trimmed + "' never fires after " + now);
    }
    return schedule;
  }

  /** An expression that was validated when it was stored (it may have no fire time left). */
  public static CronSchedule stored(String expression, ZoneId zone) {
    return new CronSchedule(expression, zone);
  }

  public String expression() {
    return expression;
  }

  /** The first fire time strictly after {@code after}; empty when there is none (a past year). */
  public Optional<Instant> nextAfter(Instant after) {
    Date next = compiled().getNextValidTimeAfter(Date.from(after));
    return Optional.ofNullable(next).map(Date::toInstant);
  }

  /** Up to {@code count} fire times after {@code after}, in order. */
  public List<Instant> next(int count, Instant after) {
    List<Instant> times = new ArrayList<>();
    Instant cursor = after;
    while (times.size() < count) {
      Optional<Instant> next = nextAfter(cursor);
      if (next.isEmpty()) {
        break;
      }
      times.add(next.get());
      cursor = next.get();
    }
    return times;
  }

  // CronExpression is mutable and not thread-safe: one per use.
  private CronExpression compiled() {
    try {
      CronExpression compiled = new CronExpression(expression);
      compiled.setTimeZone(TimeZone.getTimeZone(zone));
      return compiled;
    } catch (ParseException validatedAtParse) {
      throw new IllegalStateException(validatedAtParse);
    }
  }
}
