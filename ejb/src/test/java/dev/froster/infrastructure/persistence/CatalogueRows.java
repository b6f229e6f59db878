package dev.froster.infrastructure.persistence;

import jakarta.persistence.EntityManager;

/**
 * Catalogue rows written straight in SQL for tests against the real schema: an asset, its segments
 * and their embeddings (3-d vectors, the test model versions' width).
 */
public final class CatalogueRows {

  private CatalogueRows() {}

  /** An asset numbered {@code number} in {@code status} ("failed" gets a failure reason). */
  public static long asset(EntityManager em, int number, String status) {
    return id(
        em,
        "insert into media_asset (source_uri, sha256, status, failure_reason) values ('file:/clips/"
            + number
            + ".mp4', '"
            + "d".repeat(63)
            + number
            + "', '"
            + status
            + "', "
            + (status.equals("failed") ? "'cannot decode'" : "null")
            + ") returning id");
  }

  /** A one-second segment of {@code asset} starting at {@code second}. */
  public static long segment(EntityManager em, long asset, int second) {
    return id(
        em,
        "insert into segment (asset_id, start_ms, end_ms) values ("
            + asset
            + ", "
            + second * 1000
            + ", "
            + (second + 1) * 1000
            + ") returning id");
  }

  /** An embedding of {@code segment} by {@code version}. */
  public static void embed(EntityManager em, long segment, long version) {
    em.createNativeQuery(
            "insert into segment_embedding (segment_id, model_version_id, embedding) values ("
                + segment
                + ", "
                + version
                + ", '[0.1,0.2,0.3]')")
        .executeUpdate();
  }

  private static long id(EntityManager em, String insertReturningId) {
    return ((Number) em.createNativeQuery(insertReturningId).getSingleResult()).longValue();
  }
}
