package dev.froster.application;

import jakarta.ejb.ApplicationException;

/**
 * The request is valid but the current state forbids it: activating a retired version, restarting a
 * running job, stopping a finished one.
 */
@ApplicationException(rollback = true)
public class StateConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StateConflictException(String message) {
    super(message);
  }
}
