package dev.froster.application.internal;

import static dev.froster.infrastructure.persistence.CatalogueRows.asset;
import static dev.froster.infrastructure.persistence.CatalogueRows.embed;
import static dev.froster.infrastructure.persistence.CatalogueRows.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.froster.application.VersionCoverage;
import dev.froster.infrastructure.persistence.MigratedDatabase;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's coverage per model version on a real migrated database: which versions are listed
 * (those with embeddings), in which order (active first), and which segments count (not those of
 * failed assets).
 */
class DefaultEmbeddingCoverageServiceTest {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Test
  void everyVersionWithEmbeddingsIsListedActiveFirstWithTheCatalogueItCovers() throws Exception {
    EntityManager em = DATABASE.entityManager();
    try {
      em.getTransaction().begin();
      DefaultEmbeddingCoverageService coverage = over(em);
      assertEquals(List.of(), coverage.perVersion());

      long retired = version(em, "old", "retired");
      long active = version(em, "serving", "active");
      long candidate = version(em, "next", "candidate");
      long unused = version(em, "never-embedded", "candidate");
      long good = asset(em, 1, "embedded");
      long failed = asset(em, 2, "failed");
      long fresh = asset(em, 3, "segmented");
      long[] goodSegments = {segment(em, good, 0), segment(em, good, 1), segment(em, good, 2)};
      long failedSegment = segment(em, failed, 0);
      segment(em, fresh, 0);
      for (long segment : goodSegments) {
        embed(em, segment, active);
      }
      embed(em, failedSegment, active);
      embed(em, goodSegments[0], candidate);
      // A version whose only embedding is of a failed asset covers nothing of the catalogue.
      embed(em, failedSegment, retired);

      // 4 catalogue segments: the failed asset's one does not count.
      List<VersionCoverage> listed = coverage.perVersion();
      assertEquals(
          List.of(
              new VersionCoverage(active, "serving", "active", 3, 4),
              new VersionCoverage(candidate, "next", "candidate", 1, 4)),
          listed);
      assertEquals(75.0, listed.get(0).percent(), 1e-9);
      assertEquals(25.0, listed.get(1).percent(), 1e-9);

      embed(em, goodSegments[1], retired);
      assertEquals(
          List.of(active, candidate, retired),
          coverage.perVersion().stream().map(VersionCoverage::versionId).toList());
      assertEquals(false, coverage.perVersion().stream().anyMatch(v -> v.versionId() == unused));
      em.getTransaction().rollback();
    } finally {
      em.close();
    }
  }

  private static DefaultEmbeddingCoverageService over(EntityManager em) throws Exception {
    return MigratedDatabase.inject(new DefaultEmbeddingCoverageService(), em);
  }

  private static long version(EntityManager em, String name, String status) {
    return id(
        em,
        "insert into model_version (name, bundle_path, bundle_sha256, embed_dim, status,"
            + " activated_at, retired_at) values ('"
            + name
            + "', '/models/"
            + name
            + "', '"
            + "c".repeat(64)
            + "', 3, '"
            + status
            + "', "
            + (status.equals("candidate") ? "null" : "now()")
            + ", "
            + (status.equals("retired") ? "now()" : "null")
            + ") returning id");
  }

  private static long id(EntityManager em, String sql) {
    return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
  }
}
