package dev.froster.domain.model.vocabulary;

import jakarta.ejb.ApplicationException;

/**
 * A vocabulary, term or import that breaks a rule (threshold out of range, duplicate label, broken
 * CSV row); the message names the field, row or terms concerned. Nothing of the change is kept.
 */
@ApplicationException(rollback = true)
public class InvalidVocabularyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidVocabularyException(String message) {
    super(message);
  }
}
