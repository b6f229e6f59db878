package dev.froster.application;

import dev.froster.domain.model.vocabulary.TermDraft;
import dev.froster.domain.model.vocabulary.TermId;
import dev.froster.domain.model.vocabulary.VocabularyDraft;
import dev.froster.domain.model.vocabulary.VocabularyId;
import java.util.List;

/**
 * Vocabularies and their terms. Every change is audited with the caller as actor and is all or
 * nothing. A change of terms or thresholds makes the vocabulary's segments be tagged again (its
 * scorings and pending automatic tags of the active version are dropped), and new or changed terms
 * get their class embedding for the active model version.
 *
 * @see dev.froster.domain.model.vocabulary.InvalidVocabularyException for refused input (400)
 */
public interface VocabularyService {

  List<VocabularyDetails> list();

  /**
   * @throws UnknownEntityException when it does not exist
   */
  VocabularyDetails find(VocabularyId id);

  /** Creates a vocabulary with its terms (a JSON import). */
  VocabularyDetails create(VocabularyDraft draft);

  VocabularyDetails update(VocabularyId id, VocabularyChange change);

  void delete(VocabularyId id);

  VocabularyDetails.TermDetails addTerm(VocabularyId id, TermDraft term);

  /** Adds every term or none (a CSV import into an existing vocabulary). */
  List<VocabularyDetails.TermDetails> importTerms(VocabularyId id, TermImport terms);

  VocabularyDetails.TermDetails editTerm(VocabularyId id, TermId termId, TermDraft term);

  void removeTerm(VocabularyId id, TermId termId);
}
