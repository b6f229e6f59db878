package dev.froster.infrastructure.persistence.jpa;

import dev.froster.domain.model.training.TrainingRun;
import dev.froster.domain.model.training.TrainingRunId;
import dev.froster.domain.model.training.TrainingRunRepository;
import dev.froster.domain.model.training.TrainingRunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaTrainingRunRepository implements TrainingRunRepository {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public Optional<TrainingRun> find(TrainingRunId id) {
    return Optional.ofNullable(entityManager.find(TrainingRun.class, id.value()));
  }

  @Override
  public Optional<TrainingRun> running() {
    return entityManager
        .createQuery("select r from TrainingRun r where r.status = :running", TrainingRun.class)
        .setParameter("running", TrainingRunStatus.RUNNING)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<TrainingRun> list(int limit) {
    return entityManager
        .createQuery("select r from TrainingRun r order by r.id desc", TrainingRun.class)
        .setMaxResults(limit)
        .getResultList();
  }

  @Override
  public void add(TrainingRun run) {
    entityManager.persist(run);
  }

  @Override
  public void flush() {
    entityManager.flush();
  }
}
