package dev.froster.infrastructure.persistence.jpa;

import dev.froster.domain.model.segment.Segment;
import dev.froster.domain.model.segment.SegmentId;
import dev.froster.domain.model.segment.SegmentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

@ApplicationScoped
public class JpaSegmentRepository implements SegmentRepository {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public Optional<Segment> find(SegmentId id) {
    return Optional.ofNullable(entityManager.find(Segment.class, id.value()));
  }
}
