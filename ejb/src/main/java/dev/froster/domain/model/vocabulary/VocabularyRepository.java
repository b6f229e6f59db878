package dev.froster.domain.model.vocabulary;

import java.util.List;
import java.util.Optional;

/** The stored vocabularies. */
public interface VocabularyRepository {

  Optional<Vocabulary> find(VocabularyId id);

  /**
   * The vocabulary, its row locked until the transaction ends: changes to one vocabulary happen one
   * after the other, and never while an auto-tag chunk scores segments with it (the chunk holds a
   * share lock, {@code PgVectorTagging.lockForScoring}), so a chunk scores with the terms before or
   * after a change, never records the old terms after the change forgot its scorings.
   */
  Optional<Vocabulary> findForUpdate(VocabularyId id);

  /** The vocabulary named {@code name}, compared exactly (names are unique). */
  Optional<Vocabulary> findByName(String name);

  /** Every vocabulary, by name. */
  List<Vocabulary> all();

  void add(Vocabulary vocabulary);

  void remove(Vocabulary vocabulary);

  /** Writes pending changes now, so that new terms have their ids. */
  void flush();
}
