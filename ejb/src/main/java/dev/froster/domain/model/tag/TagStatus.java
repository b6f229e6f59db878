package dev.froster.domain.model.tag;

/** Where a tag stands: shown to users, waiting in the review queue, or refused. */
public enum TagStatus {
  ACCEPTED,
  PENDING,
  REJECTED
}
