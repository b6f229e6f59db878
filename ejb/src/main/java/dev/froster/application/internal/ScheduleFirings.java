package dev.froster.application.internal;

import dev.froster.domain.model.schedule.CronSchedule;
import dev.froster.domain.model.schedule.ScheduleFiring;
import dev.froster.domain.model.schedule.TrainingSchedule;
import dev.froster.domain.model.schedule.TrainingScheduleId;
import dev.froster.domain.model.schedule.TrainingScheduleRepository;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactions of a firing, each of its own: find what is due, claim one schedule (lock it,
 * advance its next fire time), record the outcome.
 */
@Stateless
@LocalBean
public class ScheduleFirings {

  @Inject private TrainingScheduleRepository schedules;

  @Inject
  @ConfigProperty(name = "froster.training.schedules.time-zone", defaultValue = "UTC")
  private String timeZone;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<TrainingScheduleId> dueNow() {
    return schedules.dueAt(Instant.now());
  }

  /**
   * Claims a due schedule: its next fire time moves past now, so no other server (nor the next
   * tick) fires it again for the same time.
   *
   * @return the time it was due, empty when it is no longer due or another server holds it
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Instant> claim(TrainingScheduleId id) {
    Instant now = Instant.now();
    Optional<TrainingSchedule> due = schedules.claimIfDue(id, now);
    if (due.isEmpty()) {
      return Optional.empty();
    }
    TrainingSchedule schedule = due.get();
    Instant dueAt = schedule.nextFireAt();
    schedule.fired(CronSchedule.stored(schedule.cron(), ZoneId.of(timeZone)), now);
    return Optional.of(dueAt);
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(ScheduleFiring firing) {
    schedules.add(firing);
  }
}
