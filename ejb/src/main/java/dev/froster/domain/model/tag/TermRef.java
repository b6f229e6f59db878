package dev.froster.domain.model.tag;

/**
 * A vocabulary term as the tag side sees it: read-only, resolved by id (the vocabulary side owns
 * terms and may rename them; a tag only keeps the id).
 */
public record TermRef(long id, String label, long vocabularyId, String vocabularyName) {

  public boolean sameVocabularyAs(TermRef other) {
    return vocabularyId == other.vocabularyId;
  }

  @Override
  public String toString() {
    return "term " + id + " '" + label + "' of vocabulary '" + vocabularyName + "'";
  }
}
