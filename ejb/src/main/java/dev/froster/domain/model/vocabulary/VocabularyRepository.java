package dev.froster.domain.model.vocabulary;

import java.util.List;
import java.util.Optional;

/** The stored vocabularies. */
public interface VocabularyRepository {

  Optional<Vocabulary> find(VocabularyId id);

  /** The vocabulary named {@code name}, compared exactly (names are unique). */
  Optional<Vocabulary> findByName(String name);

  /** Every vocabulary, by name. */
  List<Vocabulary> all();

  void add(Vocabulary vocabulary);

  void remove(Vocabulary vocabulary);

  /** Writes pending changes now, so that new terms have their ids. */
  void flush();
}
