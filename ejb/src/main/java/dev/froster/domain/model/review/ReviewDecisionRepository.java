package dev.froster.domain.model.review;

/** Stores review decisions; they are read back through the application's queries. */
public interface ReviewDecisionRepository {

  void add(ReviewDecision decision);
}
