package dev.froster.domain.model.audit;

/** Records changes in the audit trail, inside the caller's transaction. */
public interface AuditLog {

  /**
   * Records that {@code actor} did {@code action} to an entity.
   *
   * @param actor the caller principal's name (or the job/timer that acted, e.g. {@code
   *     "system:auto-tag"})
   * @param action what happened, a lower-case verb phrase such as {@code "vocabulary.create"}
   * @param entityType the kind of entity, e.g. {@code "vocabulary"}, {@code "tag"}
   * @param entityId the entity's id, or null when the action concerns no single entity
   * @param beforeJson the entity's state before as a JSON document, or null when it did not exist
   * @param afterJson the entity's state after as a JSON document, or null when it no longer exists
   * @throws IllegalArgumentException when actor, action or entityType is blank or a state is not
   *     valid JSON
   */
  void record(
      String actor,
      String action,
      String entityType,
      String entityId,
      String beforeJson,
      String afterJson);
}
