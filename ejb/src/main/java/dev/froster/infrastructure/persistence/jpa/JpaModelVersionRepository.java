package dev.froster.infrastructure.persistence.jpa;

import dev.froster.domain.model.model.ModelKind;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.model.ModelVersionRepository;
import dev.froster.domain.model.model.ModelVersionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaModelVersionRepository implements ModelVersionRepository {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public Optional<ModelVersion> find(ModelVersionId id) {
    return Optional.ofNullable(entityManager.find(ModelVersion.class, id.value()));
  }

  @Override
  public Optional<ModelVersion> active() {
    return entityManager
        .createQuery("select v from ModelVersion v where v.status = :active", ModelVersion.class)
        .setParameter("active", ModelVersionStatus.ACTIVE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<ModelVersion> retired() {
    return entityManager
        .createQuery(
            "select v from ModelVersion v where v.status = :retired"
                + " order by v.retiredAt desc nulls last, v.id desc",
            ModelVersion.class)
        .setParameter("retired", ModelVersionStatus.RETIRED)
        .getResultList();
  }

  @Override
  public boolean nameTaken(String name) {
    return entityManager
            .createQuery("select count(v) from ModelVersion v where v.name = :name", Long.class)
            .setParameter("name", name)
            .getSingleResult()
        > 0;
  }

  @Override
  public Optional<ModelVersion> findByName(String name) {
    return entityManager
        .createQuery("select v from ModelVersion v where v.name = :name", ModelVersion.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void add(ModelVersion version) {
    entityManager.persist(version);
  }

  @Override
  public List<ModelVersion> list() {
    return entityManager
        .createQuery("select v from ModelVersion v order by v.id desc", ModelVersion.class)
        .getResultList();
  }

  @Override
  public Optional<ModelVersion> latestBase() {
    return entityManager
        .createQuery(
            "select v from ModelVersion v where v.kind = :base order by v.id desc",
            ModelVersion.class)
        .setParameter("base", ModelKind.BASE)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void flush() {
    entityManager.flush();
  }
}
