package dev.froster.infrastructure.persistence.jpa;

import dev.froster.domain.model.tag.Tag;
import dev.froster.domain.model.tag.TagId;
import dev.froster.domain.model.tag.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaTagRepository implements TagRepository {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public Optional<Tag> find(TagId id) {
    return Optional.ofNullable(entityManager.find(Tag.class, id.value()));
  }

  @Override
  public Optional<Tag> findForDecision(TagId id) {
    // select ... for update: a concurrent decision waits and then sees this one's outcome.
    return Optional.ofNullable(
        entityManager.find(Tag.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
  }
}
