package dev.froster.infrastructure.persistence.jpa;

import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.domain.model.model.ModelVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaModelVersionRepository implements ModelVersionRepository {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public Optional<ModelVersion> find(ModelVersionId id) {
    return Optional.ofNullable(entityManager.find(ModelVersion.class, id.value()));
  }
}
