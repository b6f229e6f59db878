package dev.froster.infrastructure.vector;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.froster.db.SchemaMigrations;
import dev.froster.db.TemporaryDatabase;
import dev.froster.domain.model.vocabulary.VocabularyId;
import dev.froster.infrastructure.persistence.OutsideTheServer;
import dev.froster.infrastructure.persistence.jpa.JpaVocabularyRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.Field;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An auto-tag chunk and a change to the vocabulary it scores exclude each other, on a real
 * database: the change waits while the chunk's transaction is open and goes ahead once it ends.
 */
class VocabularyScoringLockTest {

  private static TemporaryDatabase database;
  private static EntityManagerFactory factory;

  @BeforeAll
  static void migrate() throws Exception {
    database = TemporaryDatabase.create();
    SchemaMigrations.migrate(database.dataSource());
    factory = OutsideTheServer.entityManagerFactory(database.dataSource());
  }

  @AfterAll
  static void drop() throws Exception {
    if (factory != null) {
      factory.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aChangeWaitsForTheChunkScoringTheVocabulary() throws Exception {
    EntityManager setup = factory.createEntityManager();
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

    EntityManager chunk = factory.createEntityManager();
    EntityManager change = factory.createEntityManager();
    try {
      chunk.getTransaction().begin();
      inject(new PgVectorTagging(), PgVectorTagging.class, chunk).lockForScoring(id);

      change.getTransaction().begin();
      change.createNativeQuery("set local lock_timeout = '300ms'").executeUpdate();
      JpaVocabularyRepository vocabularies =
          inject(new JpaVocabularyRepository(), JpaVocabularyRepository.class, change);
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

  private static <T> T inject(T bean, Class<T> type, EntityManager em) throws Exception {
    Field field = type.getDeclaredField("entityManager");
    field.setAccessible(true);
    field.set(bean, em);
    return bean;
  }
}
