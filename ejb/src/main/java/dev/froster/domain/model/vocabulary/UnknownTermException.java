package dev.froster.domain.model.vocabulary;

import jakarta.ejb.ApplicationException;

/** A request names a term that its vocabulary does not have. */
@ApplicationException(rollback = true)
public class UnknownTermException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownTermException(VocabularyId vocabulary, TermId term) {
    super(vocabulary + " has no " + term);
  }
}
