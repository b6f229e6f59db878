package dev.froster.application;

import java.util.List;

/** Reads the audit trail that {@link dev.froster.domain.model.audit.AuditLog} writes. */
public interface AuditTrail {

  /** The largest page a client may ask for. */
  int MAX_LIMIT = 1000;

  /**
   * Entries about one entity type (and one entity when {@code entityId} is not null), newest first.
   */
  List<AuditRecord> entries(String entityType, String entityId, int limit);
}
