package dev.froster.infrastructure.vector;

import static dev.froster.infrastructure.persistence.CatalogueRows.asset;
import static dev.froster.infrastructure.persistence.CatalogueRows.embed;
import static dev.froster.infrastructure.persistence.CatalogueRows.segment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.domain.model.model.EmbeddingCoverage;
import dev.froster.domain.model.model.ModelVersionId;
import dev.froster.infrastructure.persistence.MigratedDatabase;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The completeness rule of a promotion, on a real migrated database: which segments count, which do
 * not (failed assets, segments the active version never embedded), terms and the index; and
 * purging.
 */
class VersionEmbeddingsTest {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Test
  void theTargetMustCoverWhatTheActiveVersionServesExceptFailedAssets() throws Exception {
    EntityManager em = DATABASE.entityManager();
    try {
      em.getTransaction().begin();
      VersionEmbeddings embeddings = over(em);
      long active = version(em, "active");
      long target = version(em, "target");
      long good = asset(em, 1, "embedded");
      long failed = asset(em, 2, "failed");
      long fresh = asset(em, 3, "segmented");
      long[] goodSegments = {segment(em, good, 0), segment(em, good, 1), segment(em, good, 2)};
      for (long segment : goodSegments) {
        embed(em, segment, active);
      }
      embed(em, segment(em, failed, 0), active);
      segment(em, fresh, 0);
      embed(em, goodSegments[0], target);
      embed(em, goodSegments[1], target);
      ModelVersionId targetId = new ModelVersionId(target);
      ModelVersionId activeId = new ModelVersionId(active);

      // the failed asset's segment and the segment the active version never embedded don't count
      assertEquals(
          new EmbeddingCoverage(3, 1, 0, false),
          embeddings.coverage(targetId, Optional.of(activeId)));

      embed(em, goodSegments[2], target);
      long vocabulary = vocabulary(em);
      termEmbedding(em, term(em, vocabulary, "run"), target);
      long jump = term(em, vocabulary, "jump");
      // terms of an inactive vocabulary count too: reactivating it must find them embedded
      EmbeddingCoverage termMissing = embeddings.coverage(targetId, Optional.of(activeId));
      assertEquals(new EmbeddingCoverage(3, 0, 1, false), termMissing);
      assertFalse(termMissing.complete());

      termEmbedding(em, jump, target);
      assertFalse(embeddings.indexExists(targetId));
      em.createNativeQuery(HnswIndexes.createStatementFor(targetId, 3)).executeUpdate();
      assertTrue(embeddings.indexExists(targetId));
      EmbeddingCoverage complete = embeddings.coverage(targetId, Optional.of(activeId));
      assertTrue(complete.complete(), complete.describe());

      // with no active version every segment of an asset that has not failed counts
      assertEquals(
          new EmbeddingCoverage(4, 1, 0, true), embeddings.coverage(targetId, Optional.empty()));

      assertEquals(3, embeddings.purge(targetId));
      assertFalse(embeddings.indexExists(targetId));
      assertEquals(
          new EmbeddingCoverage(4, 4, 2, false), embeddings.coverage(targetId, Optional.empty()));
      // the other version keeps everything of its own (it never embedded the fresh asset)
      assertEquals(
          new EmbeddingCoverage(4, 1, 2, false), embeddings.coverage(activeId, Optional.empty()));
      em.getTransaction().rollback();
    } finally {
      em.close();
    }
  }

  private static VersionEmbeddings over(EntityManager em) throws Exception {
    return MigratedDatabase.inject(new VersionEmbeddings(), em);
  }

  private static long version(EntityManager em, String name) {
    return id(
        em,
        "insert into model_version (name, bundle_path, bundle_sha256, embed_dim, status)"
            + " values ('"
            + name
            + "', '/models/"
            + name
            + "', '"
            + "c".repeat(64)
            + "', 3, 'candidate') returning id");
  }

  private static long vocabulary(EntityManager em) {
    return id(
        em,
        "insert into vocabulary (name, accept_threshold, review_threshold, active)"
            + " values ('actions', 0.5, 0.2, false) returning id");
  }

  private static long term(EntityManager em, long vocabulary, String label) {
    return id(
        em,
        "insert into term (vocabulary_id, label) values ("
            + vocabulary
            + ", '"
            + label
            + "') returning id");
  }

  private static void termEmbedding(EntityManager em, long term, long version) {
    em.createNativeQuery(
            "insert into term_embedding (term_id, model_version_id, embedding) values ("
                + term
                + ", "
                + version
                + ", '[0,1,0]')")
        .executeUpdate();
  }

  private static long id(EntityManager em, String insertReturningId) {
    return ((Number) em.createNativeQuery(insertReturningId).getSingleResult()).longValue();
  }
}
