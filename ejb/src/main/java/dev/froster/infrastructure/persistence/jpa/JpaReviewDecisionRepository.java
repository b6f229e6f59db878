package dev.froster.infrastructure.persistence.jpa;

import dev.froster.domain.model.review.ReviewDecision;
import dev.froster.domain.model.review.ReviewDecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

@ApplicationScoped
public class JpaReviewDecisionRepository implements ReviewDecisionRepository {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public void add(ReviewDecision decision) {
    entityManager.persist(decision);
  }
}
