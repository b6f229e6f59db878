package dev.froster.infrastructure.vector;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.domain.model.vocabulary.VocabularyId;
import dev.froster.infrastructure.persistence.MigratedDatabase;
import dev.froster.infrastructure.persistence.jpa.JpaVocabularyRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An auto-tag chunk and a change to the vocabulary it scores exclude each other, on a real
 * database: the change waits while the chunk's transaction is open and goes ahead once it ends.
 */
class VocabularyScoringLockTest {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Test
  void aChangeWaitsForTheChunkScoringTheVocabulary() throws Exception {
    EntityManager setup = DATABASE.entityManager();
    setup.getTransaction().begin();
    VocabularyId id =
        new VocabularyId(
            ((Number)
                    setup
                        .createNativeQuery(
                            "insert into vocabulary (name, accept_threshold, review_threshold)"
                                + " values ('locked', 0.8, 0.3) returning id")
                        .getSingleResult())
                .longValue());
    setup.getTransaction().commit();
    setup.close();

    EntityManager chunk = DATABASE.entityManager();
    EntityManager change = DATABASE.entityManager();
    try {
      chunk.getTransaction().begin();
      MigratedDatabase.inject(new PgVectorTagging(), chunk).lockForScoring(id);

      change.getTransaction().begin();
      change.createNativeQuery("set local lock_timeout = '300ms'").executeUpdate();
      JpaVocabularyRepository vocabularies =
          MigratedDatabase.inject(new JpaVocabularyRepository(), change);
      assertThrows(PersistenceException.class, () -> vocabularies.findForUpdate(id));
      change.getTransaction().rollback();

      chunk.getTransaction().commit();
      change.getTransaction().begin();
      assertTrue(vocabularies.findForUpdate(id).isPresent());
      change.getTransaction().commit();
    } finally {
      chunk.close();
      change.close();
    }
  }
}
