package dev.froster.infrastructure.persistence;

import dev.froster.domain.model.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;

/**
 * The audit trail in {@code audit_entry}. Entries are only ever inserted, never read back into
 * entities, so a statement is simpler than a mapped class.
 */
@ApplicationScoped
public class SqlAuditLog implements AuditLog {

  private static final String INSERT =
      "insert into audit_entry (actor, action, entity_type, entity_id, before, after)"
          + " values (?1, ?2, ?3, ?4, cast(?5 as jsonb), cast(?6 as jsonb))";

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public void record(
      String actor,
      String action,
      String entityType,
      String entityId,
      String beforeJson,
      String afterJson) {
    requireText("actor", actor);
    requireText("action", action);
    requireText("entityType", entityType);
    requireJsonOrNull("before", beforeJson);
    requireJsonOrNull("after", afterJson);
    entityManager
        .createNativeQuery(INSERT)
        .setParameter(1, actor)
        .setParameter(2, action)
        .setParameter(3, entityType)
        .setParameter(4, entityId)
        .setParameter(5, beforeJson)
        .setParameter(6, afterJson)
        .executeUpdate();
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("audit " + name + " must not be blank");
    }
  }

  // Checked here so that a bad document fails with the field's name, not with a cast error from
  // PostgreSQL that rolls back the change being audited.
  private static void requireJsonOrNull(String name, String json) {
    if (json == null) {
      return;
    }
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      reader.readValue();
    } catch (JsonException e) {
      throw new IllegalArgumentException("audit " + name + " state is not JSON: " + e.getMessage());
    }
  }
}
