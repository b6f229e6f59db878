package dev.froster.application;

import jakarta.ejb.ApplicationException;

/** A request names a segment, model version or other entity that does not exist. */
@ApplicationException(rollback = true)
public class UnknownEntityException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownEntityException(Object id) {
    super(id + " does not exist");
  }
}
