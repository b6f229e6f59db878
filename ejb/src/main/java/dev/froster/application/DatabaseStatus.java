package dev.froster.application;

/**
 * What readiness reports about the database: reachable and migrated, with the schema and pgvector
 * versions, or the reason it is not.
 */
public record DatabaseStatus(
    boolean ready, String schemaVersion, String pgvectorVersion, String reason) {

  public static DatabaseStatus ready(String schemaVersion, String pgvectorVersion) {
    return new DatabaseStatus(true, schemaVersion, pgvectorVersion, null);
  }

  public static DatabaseStatus notReady(String reason) {
    return new DatabaseStatus(false, null, null, reason);
  }
}
