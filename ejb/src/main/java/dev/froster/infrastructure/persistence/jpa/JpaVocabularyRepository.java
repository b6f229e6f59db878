package dev.froster.infrastructure.persistence.jpa;

import dev.froster.domain.model.vocabulary.Vocabulary;
import dev.froster.domain.model.vocabulary.VocabularyId;
import dev.froster.domain.model.vocabulary.VocabularyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaVocabularyRepository implements VocabularyRepository {

  @PersistenceContext(unitName = "froster")
  private EntityManager entityManager;

  @Override
  public Optional<Vocabulary> find(VocabularyId id) {
    return Optional.ofNullable(entityManager.find(Vocabulary.class, id.value()));
  }

  @Override
  public Optional<Vocabulary> findForUpdate(VocabularyId id) {
    return Optional.ofNullable(
        entityManager.find(Vocabulary.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<Vocabulary> findByName(String name) {
    return entityManager
        .createQuery("select v from Vocabulary v where v.name = :name", Vocabulary.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Vocabulary> all() {
    return entityManager
        .createQuery("select v from Vocabulary v order by v.name", Vocabulary.class)
        .getResultList();
  }

  @Override
  public void add(Vocabulary vocabulary) {
    entityManager.persist(vocabulary);
  }

  @Override
  public void remove(Vocabulary vocabulary) {
    entityManager.remove(vocabulary);
  }

  @Override
  public void flush() {
    entityManager.flush();
  }
}
