package dev.froster.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.froster.domain.model.asset.AssetStatus;
import dev.froster.domain.model.asset.MediaAsset;
import dev.froster.domain.model.embedding.Embedding;
import dev.froster.domain.model.embedding.EmbeddingDimensionException;
import dev.froster.domain.model.embedding.SegmentEmbedding;
import dev.froster.domain.model.model.ModelVersion;
import dev.froster.domain.model.model.ModelVersionStatus;
import dev.froster.domain.model.segment.Segment;
import dev.froster.domain.model.segment.TimeRange;
import jakarta.persistence.EntityManager;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Migrates a fresh database with Flyway and validates the real persistence unit against it with
 * Hibernate's schema validator, outside the server (as DatabaseSchema does inside it).
 */
class SchemaValidationTest {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Test
  void theMappingMatchesTheMigratedSchema() {
    EntityManager entityManager = DATABASE.entityManager();
    try {
      entityManager
          .getEntityManagerFactory()
          .unwrap(SessionFactory.class)
          .getSchemaManager()
          .validateMappedObjects();
    } finally {
      entityManager.close();
    }
  }

  @Test
  void storesAndReadsBackAVector() {
    EntityManager entityManager = DATABASE.entityManager();
    try {
      entityManager.getTransaction().begin();
      MediaAsset asset = new MediaAsset("file:/clips/a.mp4", "a".repeat(64), "news", "A");
      entityManager.persist(asset);
      Segment segment = new Segment(asset, new TimeRange(0, 2000));
      entityManager.persist(segment);
      ModelVersion model = new ModelVersion("v1", "/models/v1", "b".repeat(64), 3);
      entityManager.persist(model);
      entityManager.persist(new SegmentEmbedding(segment, model, Embedding.of(0.25f, -1f, 4f)));
      entityManager.getTransaction().commit();
      entityManager.clear();

      SegmentEmbedding stored =
          entityManager
              .createQuery("select e from SegmentEmbedding e", SegmentEmbedding.class)
              .getSingleResult();
      assertArrayEquals(new float[] {0.25f, -1f, 4f}, stored.embedding().toArray());
      assertEquals(AssetStatus.REGISTERED, stored.segment().asset().status());
      assertEquals(ModelVersionStatus.TRAINING, stored.modelVersion().status());
      assertEquals(new TimeRange(0, 2000), stored.segment().timeRange());
      assertThrows(EmbeddingDimensionException.class, () -> stored.replace(Embedding.of(1f, 2f)));
    } finally {
      entityManager.close();
    }
  }
}
