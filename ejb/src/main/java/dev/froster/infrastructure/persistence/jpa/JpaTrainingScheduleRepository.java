package dev.froster.infrastructure.persistence.jpa;

import dev.froster.domain.model.schedule.ScheduleFiring;
import dev.froster.domain.model.schedule.TrainingSchedule;
import dev.froster.domain.model.schedule.TrainingScheduleId;
import dev.froster.domain.model.schedule.TrainingScheduleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTrainingScheduleRepository implements TrainingScheduleRepository {

  /** Hibernate's lock timeout meaning SKIP LOCKED. */
  private static final int SKIP_LOCKED = -2;

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public Optional<TrainingSchedule> find(TrainingScheduleId id) {
    return Optional.ofNullable(entityManager.find(TrainingSchedule.class, id.value()));
  }

  @Override
  public List<TrainingSchedule> all() {
    return entityManager
        .createQuery("select s from TrainingSchedule s order by s.id", TrainingSchedule.class)
        .getResultList();
  }

  @Override
  public boolean nameTaken(String name, Optional<TrainingScheduleId> except) {
    return entityManager
            .createQuery(
                "select count(s) from TrainingSchedule s where s.name = :name and s.id <> :except",
                Long.class)
            .setParameter("name", name.strip())
            .setParameter("except", except.map(TrainingScheduleId::value).orElse(0L))
            .getSingleResult()
        > 0;
  }

  @Override
  public void add(TrainingSchedule schedule) {
    entityManager.persist(schedule);
  }

  @Override
  public void remove(TrainingSchedule schedule) {
    entityManager.remove(schedule);
  }

  @Override
  public List<TrainingScheduleId> dueAt(Instant now) {
    return entityManager
        .createQuery(
            "select s.id from TrainingSchedule s where s.enabled = true and s.nextFireAt <= :now"
                + " order by s.nextFireAt",
            Long.class)
        .setParameter("now", now)
        .getResultStream()
        .map(TrainingScheduleId::new)
        .toList();
  }

  @Override
  public Optional<TrainingSchedule> claimIfDue(TrainingScheduleId id, Instant now) {
    return entityManager
        .createQuery(
            "select s from TrainingSchedule s where s.id = :id and s.enabled = true"
                + " and s.nextFireAt <= :now",
            TrainingSchedule.class)
        .setParameter("id", id.value())
        .setParameter("now", now)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(ScheduleFiring firing) {
    entityManager.persist(firing);
  }

  @Override
  public List<ScheduleFiring> firings(TrainingScheduleId id, int limit) {
    return entityManager
        .createQuery(
            "select f from ScheduleFiring f where f.scheduleId = :schedule"
                + " order by f.firedAt desc, f.id desc",
            ScheduleFiring.class)
        .setParameter("schedule", id.value())
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void flush() {
    entityManager.flush();
  }
}
