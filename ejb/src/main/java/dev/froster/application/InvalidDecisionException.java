package dev.froster.application;

import jakarta.ejb.ApplicationException;

/**
 * A review decision that can never be right as asked: a relabel to a term of another vocabulary, to
 * a term that does not exist, duplicate items in one request.
 */
@ApplicationException(rollback = true)
public class InvalidDecisionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidDecisionException(String message) {
    super(message);
  }
}
