package dev.froster.infrastructure.persistence.jpa;

import dev.froster.domain.model.training.TrainingDataset;
import dev.froster.domain.model.training.TrainingDatasetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

@ApplicationScoped
public class JpaTrainingDatasetRepository implements TrainingDatasetRepository {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public List<TrainingDataset> list() {
    return entityManager
        .createQuery("select d from TrainingDataset d order by d.id", TrainingDataset.class)
        .getResultList();
  }

  @Override
  public boolean nameTaken(String name) {
    return entityManager
            .createQuery("select count(d) from TrainingDataset d where d.name = :name", Long.class)
            .setParameter("name", name)
            .getSingleResult()
        > 0;
  }

  @Override
  public void add(TrainingDataset dataset) {
    entityManager.persist(dataset);
  }
}
