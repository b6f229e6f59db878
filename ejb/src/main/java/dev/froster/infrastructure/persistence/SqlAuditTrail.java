package dev.froster.infrastructure.persistence;

import dev.froster.application.AuditRecord;
import dev.froster.application.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code audit_entry} rows with SQL, as {@link SqlAuditLog} writes them. */
@Stateless
public class SqlAuditTrail implements AuditTrail {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public List<AuditRecord> entries(String entityType, String entityId, int limit) {
    if (entityType == null || entityType.isBlank()) {
      throw new IllegalArgumentException("entityType is required");
    }
    Query statement =
        entityManager
            .createNativeQuery(
                "select id, actor, action, entity_type, entity_id,"
                    + " cast(before as text), cast(after as text),"
                    + " cast(extract(epoch from at) * 1000000 as bigint)"
                    + " from audit_entry where entity_type = :type"
                    + (entityId == null ? "" : " and entity_id = :id")
                    + " order by at desc, id desc")
            .setParameter("type", entityType)
            .setMaxResults(limit);
    if (entityId != null) {
      statement.setParameter("id", entityId);
    }
    List<AuditRecord> records = new ArrayList<>();
    for (Object row : statement.getResultList()) {
      Object[] columns = (Object[]) row;
      long micros = ((Number) columns[7]).longValue();
      records.add(
          new AuditRecord(
              ((Number) columns[0]).longValue(),
              (String) columns[1],
              (String) columns[2],
              (String) columns[3],
              (String) columns[4],
              (String) columns[5],
              (String) columns[6],
              Instant.ofEpochSecond(
                  Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)));
    }
    return records;
  }
}
