package dev.froster.application.internal;

import dev.froster.application.StateConflictException;
import dev.froster.application.TrainingRuns;
import dev.froster.application.TrainingScheduleDetails;
import dev.froster.application.TrainingSchedules;
import dev.froster.application.UnknownEntityException;
import dev.froster.domain.model.audit.AuditLog;
import dev.froster.domain.model.schedule.CronSchedule;
import dev.froster.domain.model.schedule.InvalidScheduleException;
import dev.froster.domain.model.schedule.ScheduleFiring;
import dev.froster.domain.model.schedule.TrainingSchedule;
import dev.froster.domain.model.schedule.TrainingScheduleId;
import dev.froster.domain.model.schedule.TrainingScheduleRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
public class DefaultTrainingSchedules implements TrainingSchedules {

  private static final Logger LOG = Logger.getLogger(DefaultTrainingSchedules.class.getName());

  /** Fire times listed per schedule. */
  static final int NEXT_FIRE_TIMES = 3;

  /** Firings listed per schedule. */
  static final int RECENT_FIRINGS = 10;

  @Inject private TrainingScheduleRepository schedules;
  @Inject private AuditLog audit;
  @Inject private Instance<TrainingRuns> runs;
  @EJB private ScheduleFirings firings;

  @Inject
  @ConfigProperty(name = "froster.training.schedules.time-zone", defaultValue = "UTC")
  private String timeZone;

  @Override
  public TrainingScheduleDetails create(String name, String cron, boolean enabled, String actor) {
    Instant now = Instant.now();
    CronSchedule expression = CronSchedule.parse(cron, zone(), now);
    requireFreeName(name, Optional.empty());
    TrainingSchedule schedule = new TrainingSchedule(name, expression, enabled, actor, now);
    schedules.add(schedule);
    schedules.flush();
    audit.record(
        actor,
        "training-schedule.create",
        "training_schedule",
        Long.toString(schedule.id().value()),
        null,
        document(schedule));
    LOG.info("Created " + schedule.id() + " '" + schedule.name() + "' cron " + schedule.cron());
    return details(schedule);
  }

  @Override
  public TrainingScheduleDetails update(
      TrainingScheduleId id, String name, String cron, boolean enabled, String actor) {
    TrainingSchedule schedule = load(id);
    Instant now = Instant.now();
    CronSchedule expression = CronSchedule.parse(cron, zone(), now);
    requireFreeName(name, Optional.of(id));
    String before = document(schedule);
    schedule.change(name, expression, enabled, now);
    audit.record(
        actor,
        "training-schedule.update",
        "training_schedule",
        key(id),
        before,
        document(schedule));
    return details(schedule);
  }

  @Override
  public TrainingScheduleDetails enable(TrainingScheduleId id, boolean enabled, String actor) {
    TrainingSchedule schedule = load(id);
    return update(id, schedule.name(), schedule.cron(), enabled, actor);
  }

  @Override
  public void delete(TrainingScheduleId id, String actor) {
    TrainingSchedule schedule = load(id);
    String before = document(schedule);
    schedules.remove(schedule);
    audit.record(actor, "training-schedule.delete", "training_schedule", key(id), before, null);
  }

  @Override
  public List<TrainingScheduleDetails> list() {
    return schedules.all().stream().map(this::details).toList();
  }

  @Override
  public TrainingScheduleDetails find(TrainingScheduleId id) {
    return details(load(id));
  }

  /**
   * Claims (one transaction each), starts the run outside any transaction of ours (a refusal of
   * TrainingRuns must not roll back the record of it), then records the outcome.
   */
  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int fireDue() {
    int fired = 0;
    for (TrainingScheduleId due : firings.dueNow()) {
      Optional<Instant> claimed = firings.claim(due);
      if (claimed.isEmpty()) {
        continue;
      }
      firings.record(start(due, claimed.get()));
      fired++;
    }
    return fired;
  }

  private ScheduleFiring start(TrainingScheduleId schedule, Instant dueAt) {
    Instant firedAt = Instant.now();
    if (runs.isUnsatisfied()) {
      LOG.warning(schedule + " skipped: no training run service is deployed");
      return ScheduleFiring.skipped(
          schedule, dueAt, firedAt, "no training run service is deployed");
    }
    try {
      long run = runs.get().start(schedule.trigger());
      LOG.info(schedule + " started training run " + run);
      return ScheduleFiring.started(schedule, dueAt, firedAt, run);
    } catch (StateConflictException refused) {
      // TrainingRuns refuses while a run is running (or when there is nothing to train on): its
      // message says which.
      LOG.info(schedule + " skipped: " + refused.getMessage());
      return ScheduleFiring.skipped(schedule, dueAt, firedAt, refused.getMessage());
    } catch (RuntimeException failed) {
      LOG.warning(schedule + " could not start a run: " + failed);
      return ScheduleFiring.skipped(
          schedule, dueAt, firedAt, "the run could not start: " + failed.getMessage());
    }
  }

  private TrainingSchedule load(TrainingScheduleId id) {
    return schedules.find(id).orElseThrow(() -> new UnknownEntityException(id));
  }

  private void requireFreeName(String name, Optional<TrainingScheduleId> except) {
    if (name == null || name.isBlank()) {
      throw new InvalidScheduleException("name: a schedule needs a name");
    }
    if (schedules.nameTaken(name, except)) {
      throw new InvalidScheduleException("name: a schedule named '" + name.strip() + "' exists");
    }
  }

  private ZoneId zone() {
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException unknown) {
      throw new IllegalStateException(
          "froster.training.schedules.time-zone: '" + timeZone + "' is not a time zone id");
    }
  }

  private TrainingScheduleDetails details(TrainingSchedule schedule) {
    List<Instant> next =
        schedule.enabled() && schedule.nextFireAt() != null
            ? CronSchedule.stored(schedule.cron(), zone())
                .next(NEXT_FIRE_TIMES - 1, schedule.nextFireAt())
            : List.of();
    List<Instant> fireTimes =
        schedule.enabled() && schedule.nextFireAt() != null
            ? java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(schedule.nextFireAt()), next.stream())
                .toList()
            : List.of();
    return new TrainingScheduleDetails(
        schedule.id().value(),
        schedule.name(),
        schedule.cron(),
        timeZone,
        schedule.enabled(),
        fireTimes,
        schedule.createdBy(),
        schedule.createdAt(),
        schedule.updatedAt(),
        schedules.firings(schedule.id(), RECENT_FIRINGS).stream()
            .map(
                f ->
                    new TrainingScheduleDetails.Firing(
                        f.dueAt(), f.firedAt(), f.runId(), f.outcome()))
            .toList());
  }

  private static String key(TrainingScheduleId id) {
    return Long.toString(id.value());
  }

  private static String document(TrainingSchedule schedule) {
    return Json.createObjectBuilder()
        .add("name", schedule.name())
        .add("cron", schedule.cron())
        .add("enabled", schedule.enabled())
        .build()
        .toString();
  }
}
